package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A step as a policy file describes it: its type and its options, with typed getters whose errors
 * name the step and the option. Immutable and thread-safe.
 *
 * @param type the step type, for example {@code "donut-mask"}; never {@code null} or blank
 * @param options the options as JSON gave them (numbers, strings, booleans, lists); never {@code
 *     null}, copied
 * @param baseDirectory the policy file's directory, against which relative file options resolve;
 *     never {@code null} but potentially empty
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepSpec(String type, Map<String, Object> options, Optional<Path> baseDirectory) {

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException if the type is blank
   */
  public StepSpec {
    Objects.requireNonNull(type, "type must not be null");
    checkArgument(!type.isBlank(), "step type must not be blank");
    options = ImmutableMap.copyOf(Objects.requireNonNull(options, "options must not be null"));
    Objects.requireNonNull(baseDirectory, "baseDirectory must not be null; use Optional.empty()");
  }

  /**
   * Returns a spec without a base directory.
   *
   * @param type the type
   * @param options the options
   * @return the spec
   */
  public static StepSpec of(String type, Map<String, Object> options) {
    return new StepSpec(type, options, Optional.empty());
  }

  /**
   * Returns a number option.
   *
   * @param name the option
   * @param fallback the value when absent
   * @return the value
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if present but not a
   *     number
   */
  public double number(String name, double fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw invalid(name, v, "a number");
  }

  /**
   * Returns a required number option.
   *
   * @param name the option
   * @return the value
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if absent or not a number
   */
  public double number(String name) {
    if (!options.containsKey(name)) {
      throw new AnonymisationException(
          AnonymiseCode.INVALID_POLICY, AnonymiseCode.detail("detail.stepNeedsOption", type, name));
    }
    return number(name, Double.NaN);
  }

  /**
   * Returns a text option.
   *
   * @param name the option
   * @return the value; never {@code null} but potentially empty
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if present but not text
   */
  public Optional<String> text(String name) {
    Object v = options.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    throw invalid(name, v, "text");
  }

  /**
   * Returns a boolean option.
   *
   * @param name the option
   * @param fallback the value when absent
   * @return the value
   */
  public boolean flag(String name, boolean fallback) {
    Object v = options.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw invalid(name, v, "true or false");
  }

  /**
   * Returns a list-of-text option (a single text counts as a list of one).
   *
   * @param name the option
   * @return the values; never {@code null}, empty when absent
   */
  public List<String> texts(String name) {
    Object v = options.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
      return List.copyOf(out);
    }
    throw invalid(name, v, "a list of texts");
  }

  /**
   * Resolves a file option against the policy's directory.
   *
   * @param name the option
   * @return the path; never {@code null} but potentially empty
   */
  public Optional<Path> file(String name) {
    return text(name).map(t -> baseDirectory.map(d -> d.resolve(t)).orElse(Path.of(t)));
  }

  private AnonymisationException invalid(String name, Object v, String what) {
    return new AnonymisationException(
        AnonymiseCode.INVALID_POLICY,
        "option " + name + " of step " + type + " (" + v + ") must be " + what);
  }
}
