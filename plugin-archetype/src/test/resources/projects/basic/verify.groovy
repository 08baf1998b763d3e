// The archetype plugin hands the generated project's folder to this script in context.projectDir.
def projectDir = new File(context.projectDir.toString())
// The generated plugin's descriptor: an id the SPI accepts, and the pom's version.
def descriptor = new File(projectDir, 'target/classes/META-INF/atalaya/plugins/org.ejemplo.denuncias.MiPlugin.properties')
def p = new Properties()
descriptor.withReader('UTF-8') { p.load(it) }
assert p.id == 'org.ejemplo.denuncias-plugin'
assert p.version == '0.1.0'

// "Once its first build has filled your local repository, it builds offline": the same build
// again, with -o, against the repository and settings the first build used (in plugin-archetype/target).
def target = new File(projectDir, '../../../../..').canonicalFile
def repo = new File(target, 'it-repo')
def settings = new File(target, 'archetype-it/interpolated-settings.xml')
assert new File(repo, 'org/atalaya').isDirectory() && settings.isFile()
def windows = System.getProperty('os.name').toLowerCase().contains('win')
def mvn = new File(System.getProperty('maven.home'), windows ? 'bin/mvn.cmd' : 'bin/mvn')
def build = new ProcessBuilder(mvn.path, '-o', '-B', '-q', '-s', settings.path, "-Dmaven.repo.local=${repo}", 'verify')
    .directory(projectDir).redirectErrorStream(true).start()
def log = build.inputStream.text
assert build.waitFor() == 0 : "mvn -o verify failed offline:\n${log}"
return true
