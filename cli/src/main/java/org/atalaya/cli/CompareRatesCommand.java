package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.Callable;
import org.atalaya.indicator.RateComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atalaya compare-rates}: two Poisson rates compared exactly, as R poisson.test. */
@Command(
    name = "compare-rates",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two rates (count1/population1 against count2/population2) as R poisson.test(c(x1,"
          + " x2), c(T1, T2)):",
      "rate ratio with its exact (conditional binomial) interval, two-sided p-value by R's rule,"
          + " one-sided p-values.",
      "In JSON an infinite upper limit or ratio (count2 = 0) is written as null. Exit code 2 for"
          + " invalid arguments."
    })
final class CompareRatesCommand implements Callable<Integer> {
  @Option(
      names = "--count1",
      required = true,
      paramLabel = "X1",
      description = "Events in the first group or period.")
  long count1;

  @Option(
      names = "--population1",
      required = true,
      paramLabel = "T1",
      description = "Population or person-time of the first.")
  double population1;

  @Option(
      names = "--count2",
      required = true,
      paramLabel = "X2",
      description = "Events in the second group or period.")
  long count2;

  @Option(
      names = "--population2",
      required = true,
      paramLabel = "T2",
      description = "Population or person-time of the second.")
  double population2;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Confidence level of the interval (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--json",
      description =
          "Print {\"rateRatio\",\"lower\",\"upper\",\"pValue\",\"pValueGreater\",\"pValueLess\"} as"
              + " JSON.")
  boolean json;

  @Mixin LangOption language;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts t = language.texts();
    String invalid =
        RateCommand.firstInvalid(
            count1 < 0 ? t.get("arg.notNegative", "--count1", String.valueOf(count1)) : null,
            count2 < 0 ? t.get("arg.notNegative", "--count2", String.valueOf(count2)) : null,
            count1 + count2 <= 0 ? t.get("arg.noEvents", String.valueOf(count1 + count2)) : null,
            RateCommand.positive(t, "--population1", population1),
            RateCommand.positive(t, "--population2", population2),
            RateCommand.confidence(t, "--confidence", confidence));
    if (invalid != null) {
      err.println("atalaya compare-rates: " + invalid);
      err.flush();
      return Atalaya.USAGE;
    }
    RateComparison c;
    try {
      c = RateComparison.of(count1, population1, count2, population2, confidence);
    } catch (IllegalArgumentException e) {
      err.println("atalaya compare-rates: " + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    }
    if (json) {
      JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      RateCommand.writeNumber(g, "rateRatio", c.rateRatio());
      RateCommand.writeNumber(g, "lower", c.lower());
      RateCommand.writeNumber(g, "upper", c.upper());
      RateCommand.writeNumber(g, "pValue", c.pValue());
      RateCommand.writeNumber(g, "pValueGreater", c.pValueGreater());
      RateCommand.writeNumber(g, "pValueLess", c.pValueLess());
      g.writeEndObject();
      g.flush();
      out.println();
    } else {
      out.println(
          t.get(
              "compare.ratio",
              decimal(c.rateRatio(), t),
              decimal(c.confidence() * 100, t),
              decimal(c.lower(), t),
              decimal(c.upper(), t)));
      out.println("  " + t.get("compare.twoSided", decimal(c.pValue(), t)));
      out.println(
          "  "
              + t.get(
                  "compare.oneSided", decimal(c.pValueGreater(), t), decimal(c.pValueLess(), t)));
    }
    out.flush();
    return Atalaya.OK;
  }

  /** As {@link #decimal(double)}, with infinity named in the user's language. */
  static String decimal(double value, Texts t) {
    return Double.isInfinite(value) ? t.get("number.infinity") : decimal(value);
  }

  /** Four significant digits, no exponent for ordinary magnitudes, "infinity" for infinity. */
  static String decimal(double value) {
    if (Double.isInfinite(value)) {
      return "infinity";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(value).round(new MathContext(Math.abs(value) >= 1e4 ? 16 : 4));
    if (Math.abs(value) >= 1e4) {
      d =
          d.setScale(
              Math.max(0, 4 - (int) Math.floor(Math.log10(Math.abs(value))) - 1),
              RoundingMode.HALF_EVEN);
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
