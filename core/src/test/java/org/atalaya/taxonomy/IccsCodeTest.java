package org.atalaya.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class IccsCodeTest {

  /** Valid codes of every level: a section 01-11 followed by 0, 2, 3 or 4 more digits. */
  static Gen<IccsCode> codes() {
    return integers()
        .between(1, IccsCode.SECTIONS)
        .zip(
            integers().between(1, 4),
            integers().between(0, 9999),
            (section, level, digits) -> {
              String tail = String.format("%04d", digits).substring(0, level == 1 ? 0 : level);
              return new IccsCode(String.format("%02d", section) + tail);
            });
  }

  @Test
  @DisplayName("levels follow the number of digits")
  void levels() {
    assertThat(IccsCode.of("01").level()).isEqualTo(1);
    assertThat(IccsCode.of("0101").level()).isEqualTo(2);
    assertThat(IccsCode.of("02051").level()).isEqualTo(3);
    assertThat(IccsCode.of("020221").level()).isEqualTo(4);
  }

  @Test
  @DisplayName("parent, section and truncate walk up the hierarchy")
  void hierarchy() {
    IccsCode kidnapping = IccsCode.of("020221");
    assertThat(kidnapping.parent()).contains(IccsCode.of("02022"));
    assertThat(IccsCode.of("0202").parent()).contains(IccsCode.of("02"));
    assertThat(IccsCode.of("02").parent()).isEmpty();
    assertThat(kidnapping.section()).isEqualTo(IccsCode.of("02"));
    assertThat(kidnapping.truncate(2)).isEqualTo(IccsCode.of("0202"));
    assertThat(kidnapping.truncate(1)).isEqualTo(IccsCode.of("02"));
    assertThat(IccsCode.of("0101").truncate(3)).isEqualTo(IccsCode.of("0101"));
    assertThat(kidnapping.isWithin(IccsCode.of("0202"))).isTrue();
    assertThat(IccsCode.of("0202").isWithin(kidnapping)).isFalse();
    assertThat(IccsCode.of("0101").isWithin(IccsCode.of("02"))).isFalse();
  }

  @Test
  @DisplayName("of strips blanks; toString and ordering use the digits")
  void parsingAndOrdering() {
    assertThat(IccsCode.of(" 0101 ")).isEqualTo(new IccsCode("0101"));
    assertThat(IccsCode.of("0101")).hasToString("0101");
    assertThat(IccsCode.of("01")).isLessThan(IccsCode.of("0101"));
    assertThat(IccsCode.of("0109")).isLessThan(IccsCode.of("02"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "101", "0101010", "12", "00", "0a01", "-101", "١٠١"})
  @DisplayName("malformed codes are rejected with a message that shows the value")
  void rejectsMalformed(String text) {
    assertThat(IccsCode.isValid(text)).isFalse();
    assertThatThrownBy(() -> IccsCode.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ICCS code (" + text.strip() + ")");
  }

  @Test
  @DisplayName("null is not valid and truncate rejects levels outside 1 to 4")
  void nullAndBadLevel() {
    assertThat(IccsCode.isValid(null)).isFalse();
    assertThatThrownBy(() -> IccsCode.of("0101").truncate(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level (5) must be from 1 to 4");
  }

  @Test
  @DisplayName("truncate is idempotent and the code is within its truncation")
  void truncateProperties() {
    qt().forAll(codes(), integers().between(1, 4))
        .check(
            (code, level) -> {
              IccsCode t = code.truncate(level);
              return t.truncate(level).equals(t)
                  && code.isWithin(t)
                  && t.level() == Math.min(level, code.level());
            });
  }

  @Test
  @DisplayName("the parent chain ends at the section, one level at a time")
  void parentChainEndsAtSection() {
    qt().forAll(codes())
        .check(
            code -> {
              IccsCode current = code;
              int steps = 0;
              for (Optional<IccsCode> p = code.parent(); p.isPresent(); p = p.get().parent()) {
                if (p.get().level() != current.level() - 1 || !current.isWithin(p.get())) {
                  return false;
                }
                current = p.get();
                steps++;
              }
              return current.equals(code.section())
                  && current.level() == 1
                  && steps == code.level() - 1;
            });
  }

  @Test
  @DisplayName("of(toString()) round-trips and isValid agrees with of")
  void roundTrip() {
    qt().forAll(codes()).check(code -> IccsCode.of(code.toString()).equals(code));
    qt().forAll(strings().numericBetween(0, 2_000_000))
        .check(
            text -> {
              boolean valid = IccsCode.isValid(text);
              try {
                IccsCode.of(text);
                return valid;
              } catch (IllegalArgumentException e) {
                return !valid;
              }
            });
  }
}
