package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CanonicalFieldsTest {
  @Test
  void everyPositionConstantPointsAtItsField() throws IllegalAccessException {
    int checked = 0;
    for (Field f : IncidentDraft.class.getDeclaredFields()) {
      if (f.getName().startsWith("I_") && Modifier.isStatic(f.getModifiers())) {
        String key = keyOf(f.getName().substring(2));
        assertThat(IncidentDraft.CANONICAL_FIELDS.get(f.getInt(null))).as(f.getName()).isEqualTo(key);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(IncidentDraft.CANONICAL_FIELDS.size());
  }

  private static String keyOf(String constant) throws IllegalAccessException {
    try {
      return (String) IncidentDraft.class.getDeclaredField(constant).get(null);
    } catch (NoSuchFieldException e) {
      throw new AssertionError("no key constant " + constant.toLowerCase(Locale.ROOT), e);
    }
  }
}
