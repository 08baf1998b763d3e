// The archetype plugin hands the generated project's folder to this script in context.projectDir.
def projectDir = new File(context.projectDir.toString())
// The generated plugin's descriptor: an id the SPI accepts, and the pom's version.
def descriptor = new File(projectDir, 'target/classes/META-INF/atalaya/plugins/org.ejemplo.denuncias.MiPlugin.properties')
def p = new Properties()
descriptor.withReader('UTF-8') { p.load(it) }
assert p.id == 'org.ejemplo.denuncias-plugin'
assert p.version == '0.1.0'

// "Once its first build has filled your local repository, it builds offline": the same build
// again, with -o, against the repository the first build used (plugin-archetype/target/it-repo).
def repo = new File(projectDir, '../../../../../it-repo').canonicalFile
assert new File(repo, 'org/atalaya').isDirectory()
def windows = System.getProperty('os.name').toLowerCase().contains('win')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn')
def build = new ProcessBuilder(mvn.path, '-o', '-B', '-q', "-Dmaven.repo.local=${repo}", 'verify')
    .directory(projectDir).redirectErrorStream(true).start()
def log = build.inputStream.text
assert build.waitFor() == 0 : "mvn -o verify failed offline:\n${log}"
return true
