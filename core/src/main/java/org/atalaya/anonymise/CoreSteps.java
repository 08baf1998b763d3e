package org.atalaya.anonymise;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The {@link ReleaseStepFactory} of the non-spatial steps in {@link Steps}. Step types and their
 * options:
 *
 * <ul>
 *   <li>{@code keep-fields} {@code fields}: the {@link IncidentField}s to keep, all others dropped;
 *   <li>{@code drop-fields} {@code fields};
 *   <li>{@code pseudonymise} {@code attributes}: attribute keys holding identifiers;
 *   <li>{@code redact} {@code names}: the names gazetteer (the policy's {@code names} are added);
 *   <li>{@code generalise-time} {@code to}: hour, shift, day, week or month;
 *   <li>{@code generalise-age} {@code bounds}: lower bounds of the bands, from 0;
 *   <li>{@code generalise-category} {@code level}: ICCS level 1 to 4;
 *   <li>{@code sensitive-defaults}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CoreSteps implements ReleaseStepFactory {
  private static final Set<String> TYPES =
      Set.of(
          "keep-fields",
          "drop-fields",
          "pseudonymise",
          "redact",
          "generalise-time",
          "generalise-age",
          "generalise-category",
          "sensitive-defaults");

  /** Creates the factory. */
  public CoreSteps() {}

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public Optional<ReleaseStep> create(StepSpec spec) {
    return Optional.ofNullable(
        switch (spec.type()) {
          case "keep-fields" ->
              Steps.keepFields(spec.texts("fields").stream().map(IncidentField::parse).toList());
          case "drop-fields" ->
              Steps.dropFields(spec.texts("fields").stream().map(IncidentField::parse).toList());
          case "pseudonymise" -> Steps.pseudonymise(spec.texts("attributes"));
          case "redact" -> Steps.redact(PiiRedactor.of(spec.texts("names")));
          case "generalise-time" ->
              Steps.generaliseTime(TimeGranularity.parse(spec.text("to").orElse("month")));
          case "generalise-age" -> Steps.generaliseAge(bounds(spec.texts("bounds")));
          case "generalise-category" -> Steps.generaliseCategory((int) spec.number("level", 2));
          case "sensitive-defaults" -> Steps.sensitiveDefaults();
          default -> null;
        });
  }

  private static int[] bounds(List<String> texts) {
    if (texts.isEmpty()) {
      return new int[] {0, 12, 18, 30, 45, 60};
    }
    try {
      return texts.stream().mapToInt(t -> (int) Double.parseDouble(t)).toArray();
    } catch (NumberFormatException e) {
      throw new AnonymisationException(
          AnonymiseCode.INVALID_POLICY,
          "generalise-age bounds " + texts + " must be whole numbers");
    }
  }
}
