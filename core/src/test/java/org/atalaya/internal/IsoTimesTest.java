package org.atalaya.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * IsoTimes reads the forms Atalaya writes without java.time's parser, and must mean exactly what
 * java.time means: java.time is the oracle here, for values and for refusals.
 */
class IsoTimesTest {

  /** A date-time as Atalaya writes it: day 1 to 28, optional seconds and fraction, Z or ±hh:mm. */
  private static final Gen<String> WRITTEN = dateTimes(28, true);

  /** The same forms with any day 1 to 31 and any offset up to ±18:59, valid or not. */
  private static final Gen<String> ANY_DAY = dateTimes(31, false);

  private static Gen<String> dateTimes(int maxDay, boolean validOffset) {
    return in -> {
      StringBuilder s = new StringBuilder();
      s.append(pad(integers().between(0, 9999).generate(in), 4)).append('-');
      s.append(pad(integers().between(1, 12).generate(in), 2)).append('-');
      s.append(pad(integers().between(1, maxDay).generate(in), 2)).append('T');
      s.append(pad(integers().between(0, 23).generate(in), 2)).append(':');
      s.append(pad(integers().between(0, 59).generate(in), 2));
      if (integers().between(0, 1).generate(in) == 1) {
        s.append(':').append(pad(integers().between(0, 59).generate(in), 2));
        int digits = integers().between(0, 9).generate(in);
        if (digits > 0) {
          s.append('.');
          for (int k = 0; k < digits; k++) {
            s.append((char) ('0' + integers().between(0, 9).generate(in)));
          }
        }
      }
      if (integers().between(0, 3).generate(in) == 0) {
        s.append('Z');
      } else {
        int hours = integers().between(0, 18).generate(in);
        int minutes = integers().between(0, 59).generate(in);
        if (validOffset && hours == 18) {
          minutes = 0; // java.time's range ends at ±18:00
        }
        boolean minus = integers().between(0, 1).generate(in) == 1;
        if (validOffset && hours == 0 && minutes == 0) {
          minus = false; // -00:00 is not ISO 8601
        }
        s.append(minus ? '-' : '+').append(pad(hours, 2)).append(':').append(pad(minutes, 2));
      }
      return s.toString();
    };
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(width - digits.length()) + digits;
  }

  /** One edit a hand or a broken export makes: a character replaced, dropped or added. */
  private static Gen<String> edited(Gen<String> valid) {
    String alphabet = "0123456789-:T.Z+ x";
    return in -> {
      String s = valid.generate(in);
      int at = integers().between(0, s.length() - 1).generate(in);
      char c = alphabet.charAt(integers().between(0, alphabet.length() - 1).generate(in));
      switch (integers().between(0, 2).generate(in)) {
        case 0:
          return s.substring(0, at) + c + s.substring(at + 1);
        case 1:
          return s.substring(0, at) + s.substring(at + 1);
        default:
          return s.substring(0, at) + c + s.substring(at);
      }
    };
  }

  /** What a parse gives: its value, or that it refused with a {@link DateTimeParseException}. */
  private static Object outcome(Function<String, ?> parse, String s) {
    try {
      return Objects.requireNonNull(parse.apply(s));
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }

  @Test
  void theDateTimesAtalayaWritesAreReadWithoutJavaTimesParserAndMeanWhatJavaTimeReads() {
    qt().withExamples(5000)
        .forAll(WRITTEN)
        .checkAssert(
            s -> {
              OffsetDateTime expected = OffsetDateTime.parse(s);
              assertThat(IsoTimes.fast(s)).as(s).isEqualTo(expected);
              assertThat(IsoTimes.offsetDateTime(s)).as(s).isEqualTo(expected);
            });
  }

  @Test
  void anyOtherDateTimeTextIsJudgedAsJavaTimeJudgesIt() {
    qt().withExamples(5000)
        .forAll(edited(ANY_DAY))
        .checkAssert(
            s ->
                assertThat(outcome(IsoTimes::offsetDateTime, s))
                    .as(s)
                    .isEqualTo(outcome(OffsetDateTime::parse, s)));
  }

  @Test
  void daysTwentyNineToThirtyOneAreLeftToJavaTimeWhichKnowsTheMonth() {
    assertThat(IsoTimes.fast("2024-02-29T00:00Z")).isNull();
    assertThat(IsoTimes.offsetDateTime("2024-02-29T00:00Z"))
        .isEqualTo(OffsetDateTime.parse("2024-02-29T00:00Z"));
    assertThatThrownBy(() -> IsoTimes.offsetDateTime("2023-02-29T00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimes.offsetDateTime("2024-04-31T10:00-06:00"))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void theEdgesOfEachFieldAreReadOnTheFastPath() {
    for (String s :
        new String[] {
          "0000-01-01T00:00-18:00",
          "9999-12-28T23:59:59.999999999+18:00",
          "2024-03-15T21:30:00.1Z",
          "2024-03-15T21:30+00:00",
          "2024-03-15T21:30:59-06:00",
          "2024-03-15T21:30-00:59",
        }) {
      assertThat(IsoTimes.fast(s)).as(s).isEqualTo(OffsetDateTime.parse(s));
    }
  }

  @Test
  void textJustBeyondEachFieldIsRefusedAsJavaTimeRefusesIt() {
    for (String s :
        new String[] {
          "2024-13-15T21:30Z",
          "2024-00-15T21:30Z",
          "2024-03-00T21:30Z",
          "2024-03-15T24:00Z",
          "2024-03-15T21:60Z",
          "2024-03-15T21:30:60Z",
          "2024-03-15T21:30:00.1234567890Z",
          "2024-03-15T21:30+18:01",
          "2024-03-15T21:30+19:00",
          "2024-03-15T21:30+05:60",
          "2024-03-15T21:30+0600",
          "2024-03-15T21:30",
          "2024-03-15 21:30Z",
          "2024-3-15T21:30Z",
          "",
        }) {
      assertThat(IsoTimes.fast(s)).as(s).isNull();
      assertThatThrownBy(() -> IsoTimes.offsetDateTime(s))
          .as(s)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void formsAtalayaNeverWritesAreLeftToJavaTime() {
    // java.time reads both (as Z, and as no fraction); the fast path does not try.
    for (String s : new String[] {"2024-03-15T21:30-00:00", "2024-03-15T21:30:00.Z"}) {
      assertThat(IsoTimes.fast(s)).as(s).isNull();
      assertThat(IsoTimes.offsetDateTime(s)).as(s).isEqualTo(OffsetDateTime.parse(s));
    }
  }

  @Test
  void theDatesAtalayaWritesAreReadWithoutJavaTimesParserAndMeanWhatJavaTimeReads() {
    qt().withExamples(2000)
        .forAll(integers().between(0, 9999), integers().between(1, 12), integers().between(1, 28))
        .checkAssert(
            (y, m, d) -> {
              String s = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
              LocalDate expected = LocalDate.parse(s);
              assertThat(IsoTimes.fastDate(s, 0, s.length())).as(s).isEqualTo(expected);
              assertThat(IsoTimes.localDate(s)).as(s).isEqualTo(expected);
              String framed = "«" + s + "»";
              assertThat(IsoTimes.localDate(framed, 1, framed.length() - 1)).isEqualTo(expected);
            });
  }

  @Test
  void anyOtherDateTextIsJudgedAsJavaTimeJudgesIt() {
    Gen<String> dates =
        in ->
            pad(integers().between(0, 9999).generate(in), 4)
                + "-"
                + pad(integers().between(0, 13).generate(in), 2)
                + "-"
                + pad(integers().between(0, 32).generate(in), 2);
    qt().withExamples(5000)
        .forAll(edited(dates))
        .checkAssert(
            s ->
                assertThat(outcome(IsoTimes::localDate, s))
                    .as(s)
                    .isEqualTo(outcome(LocalDate::parse, s)));
  }

  @Test
  void theDateEdgesAreReadOnTheFastPathAndTheDaysPastTwentyEightAreNot() {
    assertThat(IsoTimes.fastDate("0000-01-01", 0, 10)).isEqualTo(LocalDate.of(0, 1, 1));
    assertThat(IsoTimes.fastDate("9999-12-28", 0, 10)).isEqualTo(LocalDate.of(9999, 12, 28));
    for (String s :
        new String[] {
          "2024-02-29", "2024-00-10", "2024-13-10", "2024-01-00", "2024/01/10", "2024-01-1x"
        }) {
      assertThat(IsoTimes.fastDate(s, 0, s.length())).as(s).isNull();
    }
    assertThat(IsoTimes.localDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> IsoTimes.localDate("2023-02-29"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimes.localDate("2024-01-1"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
