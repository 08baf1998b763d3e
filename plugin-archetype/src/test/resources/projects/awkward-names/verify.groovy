// The archetype plugin hands the generated project's folder to this script in context.projectDir.
def projectDir = new File(context.projectDir.toString())
// Coordinates with capitals and underscores still give an id the SPI accepts (PluginDescriptor's
// rule), and the descriptor takes the pom's MAJOR.MINOR.PATCH version.
def descriptor = new File(projectDir, 'target/classes/META-INF/atalaya/plugins/org.ejemplo.mi.MiPlugin.properties')
def p = new Properties()
descriptor.withReader('UTF-8') { p.load(it) }
assert p.id == 'org.ejemplo.mi-plugin'
assert p.id ==~ /[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+/
assert p.version == '1.2.3'
assert new File(projectDir, 'src/main/resources/org/ejemplo/mi/mapeo.json').isFile()
return true
