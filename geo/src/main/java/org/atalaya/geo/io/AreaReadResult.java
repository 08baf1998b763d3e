package org.atalaya.geo.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What an {@link AreaReader} made of one input: the accepted areas (in input order), the repairs
 * made to some of them, and the rejected features. Always {@code accepted() + rejected() ==
 * read()}. Immutable and thread-safe.
 *
 * @param source the input's name, for example a file name; never {@code null}
 * @param read the number of features (GeoJSON) or non-blank lines (WKT) read
 * @param areas the accepted areas; never {@code null}, copied
 * @param repairs the accepted areas that needed repair; never {@code null}, copied
 * @param rejections the rejected features, in input order; never {@code null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AreaReadResult(
    String source,
    long read,
    List<Area> areas,
    List<AreaRepair> repairs,
    List<AreaRejection> rejections) {

  /**
   * Copies the lists and checks the counts.
   *
   * @throws IllegalArgumentException if areas + rejections differs from read
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public AreaReadResult {
    Objects.requireNonNull(source, "source must not be null");
    areas = ImmutableList.copyOf(Objects.requireNonNull(areas, "areas must not be null"));
    repairs = ImmutableList.copyOf(Objects.requireNonNull(repairs, "repairs must not be null"));
    rejections =
        ImmutableList.copyOf(Objects.requireNonNull(rejections, "rejections must not be null"));
    checkArgument(
        areas.size() + rejections.size() == read,
        "accepted (%s) + rejected (%s) must equal read (%s)",
        areas.size(),
        rejections.size(),
        read);
  }

  /**
   * Returns the number of accepted areas.
   *
   * @return {@code areas().size()}
   */
  public long accepted() {
    return areas.size();
  }

  /**
   * Returns the number of rejected features.
   *
   * @return {@code rejections().size()}
   */
  public long rejected() {
    return rejections.size();
  }

  /**
   * Returns whether every feature was accepted without repair.
   *
   * @return true if there are no rejections and no repairs
   */
  public boolean isClean() {
    return rejections.isEmpty() && repairs.isEmpty();
  }
}
