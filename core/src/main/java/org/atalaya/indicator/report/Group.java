package org.atalaya.indicator.report;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A group of incidents in an {@link IndicatorReport}: an area and a year, each empty when the
 * report does not group by it (then the group covers every area, or every year of the span).
 *
 * @param area the area code; never {@code null}, empty for all areas
 * @param year the year of occurrence; never {@code null}, empty for all years
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Group(Optional<String> area, Optional<Integer> year) {
  /** Areas in code order, then years in order; an absent value sorts first. */
  static final Comparator<Group> ORDER =
      Comparator.comparing((Group g) -> g.area().orElse("")).thenComparing(g -> g.year().orElse(0));

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public Group {
    Objects.requireNonNull(area, "area must not be null; use Optional.empty()");
    Objects.requireNonNull(year, "year must not be null; use Optional.empty()");
  }
}
