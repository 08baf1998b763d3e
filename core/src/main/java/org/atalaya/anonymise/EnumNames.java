package org.atalaya.anonymise;

import java.util.Arrays;
import java.util.Locale;

/** Reads the enum values of a policy file: {@code "victim-age"} is {@code VICTIM_AGE}. */
final class EnumNames {
  private EnumNames() {}

  /** The name a policy file uses for {@code value}: {@code VICTIM_AGE} is {@code "victim-age"}. */
  static String nameOf(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new AnonymisationException(
          AnonymiseCode.INVALID_POLICY,
          what
              + " "
              + name
              + " is not one of "
              + Arrays.stream(type.getEnumConstants()).map(EnumNames::nameOf).toList());
    }
  }
}
