package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atalaya.indicator.IntervalMethod;
import org.atalaya.indicator.Rate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atalaya rate}: a rate per 100,000 (or any base) with its confidence interval. */
@Command(
    name = "rate",
    mixinStandardHelpOptions = true,
    description = {
      "Compute a rate (count / population x per) with its confidence interval.",
      "The exact interval (Garwood) equals R poisson.test; byar is Byar's approximation.",
      "Exit code 2 for invalid arguments."
    })
final class RateCommand implements Callable<Integer> {
  @Option(
      names = "--count",
      required = true,
      paramLabel = "X",
      description = "Number of events (for example homicides); not negative.")
  long count;

  @Option(
      names = "--population",
      required = true,
      paramLabel = "P",
      description = "Population or person-time; positive.")
  double population;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Confidence level, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--method",
      paramLabel = "exact|byar",
      defaultValue = "exact",
      converter = MethodConverter.class,
      description = "Interval method: exact (Garwood) or byar (default: ${DEFAULT-VALUE}).")
  IntervalMethod method;

  @Option(
      names = "--per",
      paramLabel = "BASE",
      defaultValue = "100000",
      description = "Express the rate per this many people (default: ${DEFAULT-VALUE}).")
  double per;

  @Option(
      names = "--json",
      description =
          "Print"
              + " {\"count\",\"population\",\"per\",\"rate\",\"lower\",\"upper\",\"confidence\",\"method\"}"
              + " as JSON.")
  boolean json;

  @Mixin LangOption language;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts t = language.texts();
    String invalid =
        firstInvalid(
            count < 0 ? t.get("arg.notNegative", "--count", String.valueOf(count)) : null,
            positive(t, "--population", population),
            positive(t, "--per", per),
            confidence(t, "--confidence", confidence));
    if (invalid != null) {
      err.println("atalaya rate: " + invalid);
      err.flush();
      return Atalaya.USAGE;
    }
    Rate rate;
    try {
      rate =
          Rate.builder()
              .count(count)
              .population(population)
              .per(per)
              .confidence(confidence)
              .method(method)
              .build();
    } catch (IllegalArgumentException e) {
      err.println("atalaya rate: " + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    }
    if (json) {
      JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("count", rate.count());
      writeNumber(g, "population", rate.population());
      writeNumber(g, "per", rate.per());
      writeNumber(g, "rate", rate.rate());
      writeNumber(g, "lower", rate.lower());
      writeNumber(g, "upper", rate.upper());
      writeNumber(g, "confidence", rate.confidence());
      g.writeStringField("method", methodName(rate.method()));
      g.writeEndObject();
      g.flush();
      out.println();
    } else {
      out.println(
          t.get(
              "rate.line",
              CompareRatesCommand.decimal(rate.rate(), t),
              grouped(rate.per()),
              CompareRatesCommand.decimal(rate.confidence() * 100, t),
              CompareRatesCommand.decimal(rate.lower(), t),
              CompareRatesCommand.decimal(rate.upper(), t),
              t.get(rate.method() == IntervalMethod.EXACT ? "rate.exact" : "rate.byar")));
      out.println(
          "  "
              + t.get(
                  "rate.counts",
                  String.format(Locale.ROOT, "%d", rate.count()),
                  grouped(rate.population())));
    }
    out.flush();
    return Atalaya.OK;
  }

  /**
   * Writes whole numbers without a fraction ({@code 100000}, not {@code 100000.0}), others in full.
   */
  static void writeNumber(JsonGenerator g, String name, double value) throws IOException {
    if (!Double.isFinite(value)) {
      g.writeNullField(name);
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      g.writeNumberField(name, (long) value);
    } else {
      g.writeNumberField(name, value);
    }
  }

  /**
   * Whole numbers with thousands separators ({@code 100,000}); others as {@link
   * CompareRatesCommand#decimal}.
   */
  static String grouped(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : CompareRatesCommand.decimal(value);
  }

  static String methodName(IntervalMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code exact} or {@code byar}, in any case. */
  static final class MethodConverter implements ITypeConverter<IntervalMethod> {
    @Override
    public IntervalMethod convert(String value) {
      for (IntervalMethod m : IntervalMethod.values()) {
        if (m.name().equalsIgnoreCase(value.strip())) {
          return m;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "method (" + value + ") must be exact or byar");
    }
  }

  /** Returns the first of {@code messages} that is not null, or null when all are. */
  static String firstInvalid(String... messages) {
    for (String m : messages) {
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** Says why {@code option}'s value is invalid when it is not positive and finite, else null. */
  static String positive(Texts t, String option, double value) {
    return value > 0 && Double.isFinite(value)
        ? null
        : t.get("arg.positive", option, String.valueOf(value));
  }

  /** Says why a confidence level is invalid when it is not strictly between 0 and 1, else null. */
  static String confidence(Texts t, String option, double value) {
    return value > 0 && value < 1 ? null : t.get("arg.confidence", option, String.valueOf(value));
  }
}
