package org.atalaya.geo.nearrepeat;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of {@link NearRepeat#run}: one {@link NearRepeatCell} per distance band and time band,
 * distance bands outermost, in ascending order. Immutable.
 *
 * @param incidents the number of incidents
 * @param pairs the number of pairs closer than the last distance limit (each pair once)
 * @param permutations the number of permutations run
 * @param seed the seed they were drawn from
 * @param cells the cells; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NearRepeatTable(
    int incidents, long pairs, int permutations, long seed, List<NearRepeatCell> cells) {
  /** Copies the cells. */
  public NearRepeatTable {
    cells = List.copyOf(Objects.requireNonNull(cells, "cells must not be null"));
  }
}
