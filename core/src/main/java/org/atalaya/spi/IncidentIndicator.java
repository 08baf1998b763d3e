package org.atalaya.spi;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * An indicator Atalaya does not ship: a femicide rate, the share of homicides by firearm, a
 * network's response time. It computes one value, with an honest interval where it has one, from
 * the incidents of one area and period.
 *
 * <p><b>Threading:</b> one instance serves every thread; {@code compute} must not keep state.
 * <b>Nulls:</b> never null in, never null out. <b>Failure:</b> an input it cannot use (no
 * population for a rate) is an {@link IllegalArgumentException} whose message tells the user what
 * to give; any other unchecked exception is a plugin bug, reported naming the plugin.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface IncidentIndicator extends Extension {

  /**
   * Returns the indicator's title in the reader's language, for a table or chart heading.
   *
   * @param locale the language (Spanish for {@code es}, English otherwise is the usual pair)
   * @return the title; never {@code null}
   */
  String title(Locale locale);

  /**
   * Computes the indicator.
   *
   * @param input the incidents, the population if known, and what they cover; never null
   * @return the value with its interval and lineage; never {@code null}
   * @throws IllegalArgumentException if the input lacks what the indicator needs
   */
  IndicatorValue compute(IndicatorInput input);
}
