package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.TimeWindow;
import org.atalaya.taxonomy.IccsCode;

/**
 * What the rows or the columns of an aggregate table count incidents by: a {@link QuasiIdentifier}
 * at a level, written {@code location:department}, {@code location:municipality}, {@code
 * time:month}, {@code time:year} or {@code category:1} to {@code category:4} (the ICCS level),
 * optionally with the declared values to publish.
 *
 * <p>An incident's value is its department or municipality code, the month ({@code 2024-03}) or
 * year ({@code 2024}) holding its whole occurred window (in the window's own offset), or its ICCS
 * code cut to the level (a code already coarser stays as it is). An incident without the value, or
 * whose window spans more than one month (or year), counts under {@value #UNKNOWN}. When values are
 * declared, every one of them is published, empty or not, and an incident with another value counts
 * under {@value #OTHER}. Victims' sex and age are not dimensions: a table counts incidents, and one
 * incident may have several victims. Immutable and thread-safe.
 *
 * @param quasiIdentifier location, time or category; never {@code null}
 * @param level {@code department} or {@code municipality}, {@code month} or {@code year}, or the
 *     ICCS level {@code 1} to {@code 4}; never {@code null}
 * @param values the values to publish, in order; never {@code null}, empty when the data decide
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TableDimension(QuasiIdentifier quasiIdentifier, String level, List<String> values) {
  /** The value of incidents that lack this dimension. */
  public static final String UNKNOWN = "unknown";

  /** The value of incidents whose value is not among the declared ones. */
  public static final String OTHER = "other";

  /** The label of the totals row and column. */
  public static final String TOTAL = "total";

  /**
   * Validates the dimension.
   *
   * @throws IllegalArgumentException if the level does not suit the quasi-identifier, or a declared
   *     value is blank, repeated, reserved ({@code unknown}, {@code other}, {@code total}) or not
   *     of the level's form
   */
  public TableDimension {
    Objects.requireNonNull(quasiIdentifier, "quasiIdentifier must not be null");
    Objects.requireNonNull(level, "level must not be null");
    values = List.copyOf(values);
    List<String> levels = levels(quasiIdentifier);
    checkArgument(
        !levels.isEmpty(),
        "%s is not a table dimension: tables count incidents, and an incident may have"
            + " several victims; use location, time or category",
        name(quasiIdentifier));
    checkArgument(
        levels.contains(level),
        "%s:%s has no such level; use %s",
        name(quasiIdentifier),
        level,
        levels.stream().map(l -> name(quasiIdentifier) + ":" + l).toList());
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      checkArgument(
          v != null && !v.isBlank(),
          "values of %s:%s must not be blank",
          name(quasiIdentifier),
          level);
      checkArgument(
          !v.equals(UNKNOWN) && !v.equals(OTHER) && !v.equals(TOTAL),
          "value %s of %s:%s is reserved (unknown, other and total are added by the table)",
          v,
          name(quasiIdentifier),
          level);
      checkArgument(
          seen.add(v), "value %s of %s:%s is listed twice", v, name(quasiIdentifier), level);
      checkArgument(
          fits(quasiIdentifier, level, v),
          "value %s of %s:%s must be %s",
          v,
          name(quasiIdentifier),
          level,
          form(quasiIdentifier, level));
    }
  }

  /**
   * Parses {@code "location:municipality"} and the like, with no declared values.
   *
   * @param text the dimension; never null
   * @return the dimension
   * @throws IllegalArgumentException if the text names no dimension
   */
  public static TableDimension parse(String text) {
    return parse(text, List.of());
  }

  /**
   * Parses {@code "time:year"} and the like, with declared values.
   *
   * @param text the dimension; never null
   * @param values the values to publish; never null
   * @return the dimension
   * @throws IllegalArgumentException if the text names no dimension or a value does not fit
   */
  public static TableDimension parse(String text, List<String> values) {
    Objects.requireNonNull(text, "text must not be null");
    int colon = text.indexOf(':');
    checkArgument(
        colon > 0,
        "%s must be a quasi-identifier and a level: location:department, location:municipality,"
            + " time:month, time:year or category:1 to category:4",
        text);
    QuasiIdentifier q;
    try {
      q = QuasiIdentifier.parse(text.substring(0, colon));
    } catch (AnonymisationException e) {
      throw new IllegalArgumentException(
          text + ": " + text.substring(0, colon) + " is not location, time or category", e);
    }
    return new TableDimension(
        q, text.substring(colon + 1).strip().toLowerCase(Locale.ROOT), values);
  }

  /**
   * Returns the value of an incident, before declared values are applied.
   *
   * @param incident the incident; never null
   * @return the value, or {@value #UNKNOWN}; never {@code null}
   */
  public String valueOf(Incident incident) {
    return switch (quasiIdentifier) {
      case LOCATION -> {
        AdminArea a = incident.location().map(l -> l.admin()).orElse(AdminArea.NONE);
        yield (level.equals("department") ? a.department() : a.municipality()).orElse(UNKNOWN);
      }
      case TIME -> incident.occurred().flatMap(this::period).orElse(UNKNOWN);
      case CATEGORY ->
          incident.iccs().map(c -> c.truncate(Integer.parseInt(level)).value()).orElse(UNKNOWN);
      default -> throw new IllegalStateException("not a table dimension: " + quasiIdentifier);
    };
  }

  /**
   * Returns the label an incident is counted under: its value, or {@value #OTHER} when values are
   * declared and its value is not among them.
   *
   * @param incident the incident; never null
   * @return the label; never {@code null}
   */
  public String labelOf(Incident incident) {
    String v = valueOf(incident);
    return values.isEmpty() || v.equals(UNKNOWN) || values.contains(v) ? v : OTHER;
  }

  private Optional<String> period(TimeWindow w) {
    OffsetDateTime from = w.from();
    if (level.equals("month")) {
      YearMonth m = YearMonth.from(from);
      OffsetDateTime end = m.plusMonths(1).atDay(1).atStartOfDay().atOffset(from.getOffset());
      return w.to().isAfter(end) ? Optional.empty() : Optional.of(m.toString());
    }
    Year y = Year.from(from);
    OffsetDateTime end = y.plusYears(1).atDay(1).atStartOfDay().atOffset(from.getOffset());
    return w.to().isAfter(end) ? Optional.empty() : Optional.of(y.toString());
  }

  /** Returns the dimension as written in a policy, for example {@code location:municipality}. */
  @Override
  public String toString() {
    return name(quasiIdentifier) + ":" + level;
  }

  private static String name(QuasiIdentifier q) {
    return q.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<String> levels(QuasiIdentifier q) {
    return switch (q) {
      case LOCATION -> List.of("department", "municipality");
      case TIME -> List.of("month", "year");
      case CATEGORY -> List.of("1", "2", "3", "4");
      default -> List.of();
    };
  }

  private static boolean fits(QuasiIdentifier q, String level, String v) {
    try {
      return switch (q) {
        case TIME ->
            level.equals("month") ? YearMonth.parse(v).toString().equals(v) : v.matches("\\d{4}");
        case CATEGORY ->
            IccsCode.of(v).value().equals(v) && IccsCode.of(v).level() == Integer.parseInt(level);
        default -> true;
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String form(QuasiIdentifier q, String level) {
    return switch (q) {
      case TIME -> level.equals("month") ? "a month such as 2024-03" : "a year such as 2024";
      case CATEGORY -> "an ICCS code of level " + level;
      default -> "a code";
    };
  }
}
