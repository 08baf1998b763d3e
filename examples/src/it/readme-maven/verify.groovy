// The README's pom, unchanged, compiled the first program (atalaya-core and atalaya-geo) into a jar.
assert new File(basedir, 'target/classes/FirstProgram.class').isFile()
assert new File(basedir, 'target/mi-programa-1.0.0.jar').isFile()
return true
