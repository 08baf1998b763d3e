// Puts the program of sdk-docs/first-program.md (the region the page quotes) into this project,
// so the README's pom is proved to build the page's program, as a newcomer would combine them.
def source = new File(basedir, '../../../src/main/java/org/atalaya/examples/howto/FirstProgram.java').text
def start = source.indexOf('// snippet:start program\n')
def end = source.indexOf('// snippet:end')
assert start >= 0 && end > start
def program = new File(basedir, 'src/main/java/FirstProgram.java')
program.parentFile.mkdirs()
program.text = source.substring(source.indexOf('\n', start) + 1, end)
return true
