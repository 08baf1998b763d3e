// The README's pom, unchanged, compiled a class that uses atalaya-core and atalaya-geo, and made a jar.
assert new File(basedir, 'target/classes/org/ejemplo/CoreAndGeo.class').isFile()
assert new File(basedir, 'target/mi-programa-1.0.0.jar').isFile()
return true
