package org.atalaya.examples.howto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM a user imports pins Atalaya's artifacts and nothing else, at the build's version, and the
 * README's pom imports that version. (The README project itself is built by the integration test in
 * src/it/readme-maven.)
 */
class BomTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  @DisplayName("atalaya-bom has no parent and manages only org.atalaya artifacts")
  void bomPinsOnlyAtalaya() throws Exception {
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    assertThat(bom.getElementsByTagName("parent").getLength())
        .as(
            "a parent would leak its dependencyManagement (Jackson, Guava, JUnit...) into users'"
                + " projects")
        .isZero();
    List<String> managed = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      managed.add(text(d, "groupId") + ":" + text(d, "artifactId"));
    }
    assertThat(managed)
        .isNotEmpty()
        .allSatisfy(ga -> assertThat(ga).startsWith("org.atalaya:"))
        .contains("org.atalaya:atalaya-core", "org.atalaya:atalaya-geo");
  }

  @Test
  @DisplayName("the BOM's version is the build's, and the README's pom imports it")
  void versionsAgree() throws Exception {
    String parent = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
    assertThat(text(parse(ROOT.resolve("bom/pom.xml")).getDocumentElement(), "version"))
        .isEqualTo(parent);
    Document readme = parse(ROOT.resolve("examples/src/it/readme-maven/pom.xml"));
    NodeList deps = readme.getElementsByTagName("dependency");
    String imported = null;
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (text(d, "artifactId").equals("atalaya-bom")) {
        imported = text(d, "version");
      }
    }
    assertThat(imported).as("the README pom's atalaya-bom version").isEqualTo(parent);
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  /** The text of the first child element with this name (direct children only). */
  private static String text(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }
}
