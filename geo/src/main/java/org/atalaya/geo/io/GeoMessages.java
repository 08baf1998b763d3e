package org.atalaya.geo.io;

import java.util.Locale;
import org.atalaya.internal.LocalizedText;

/** The English and Spanish texts of area rejections and repairs; {0} feature, {1} id, {2} detail. */
final class GeoMessages {

  private GeoMessages() {}

  static String format(Locale locale, String key, long feature, String id, String detail) {
    return LocalizedText.format("org.atalaya.geo.io.Messages", locale, key, String.valueOf(feature), id, detail);
  }
}
