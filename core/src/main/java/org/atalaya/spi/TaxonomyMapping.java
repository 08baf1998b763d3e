package org.atalaya.spi;

import org.apiguardian.api.API;
import org.atalaya.taxonomy.Taxonomy;

/**
 * Adds local names for crimes to the taxonomy: the words a community network or a police system
 * uses ("asalto a bus", "sicariato"), each mapped to an ICCS category.
 *
 * <p><b>Threading:</b> called once, from one thread, while a taxonomy is built. <b>Nulls:</b> the
 * builder is never null. <b>Failure:</b> a mapping that throws (for example a name mapped twice to
 * different categories) is left out whole and reported naming the plugin; the taxonomy is built
 * without it.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface TaxonomyMapping extends Extension {

  /**
   * Adds this mapping's names to {@code taxonomy}, with {@link Taxonomy.Builder#map} (a name
   * already known is an error) or {@link Taxonomy.Builder#replace} (to change a built-in meaning,
   * which users should be told about in the plugin's documentation).
   *
   * @param taxonomy the builder; never null
   */
  void contribute(Taxonomy.Builder taxonomy);
}
