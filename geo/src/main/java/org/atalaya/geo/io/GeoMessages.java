package org.atalaya.geo.io;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The English and Spanish texts of area rejections and repairs; {0} feature, {1} id, {2} detail. */
final class GeoMessages {

  private GeoMessages() {}

  static String format(Locale locale, String key, long feature, String id, String detail) {
    // No fallback to the JVM's default locale: English stays English on a Spanish machine.
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "org.atalaya.geo.io.Messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(new Object[] {String.valueOf(feature), id, detail});
  }
}
