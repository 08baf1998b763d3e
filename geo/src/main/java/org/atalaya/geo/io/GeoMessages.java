package org.atalaya.geo.io;

import java.util.Locale;
import org.atalaya.internal.LocalizedText;

/**
 * The English and Spanish texts of area rejections and repairs; {0} feature, {1} id, {2} detail.
 */
final class GeoMessages {

  private GeoMessages() {}

  static String format(Locale locale, String key, Object... args) {
    Object[] said = args.clone();
    if (said.length > 0 && said[0] instanceof Number n) {
      said[0] =
          String.valueOf(n); // a feature number, not a quantity: no grouping ("1234", not "1,234")
    }
    return LocalizedText.format("org.atalaya.geo.io.Messages", locale, key, said);
  }
}
