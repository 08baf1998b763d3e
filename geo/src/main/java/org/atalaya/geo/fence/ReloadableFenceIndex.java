package org.atalaya.geo.fence;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.atalaya.geo.io.AreaReadResult;

/**
 * Holds the fence index in use and replaces it whole: a reload builds the new index to the side and
 * swaps it in one atomic step, so a lookup sees either the old fences or the new ones, never a mix,
 * and lookups never wait for a reload. Thread-safe.
 *
 * <p>A reload fails closed: when the new input yields no usable fence at all (a truncated download,
 * the wrong file), the index in use stays and the outcome says why. Rejected features of an
 * otherwise usable input are reported in the outcome, and the index is swapped.
 *
 * <pre>{@code
 * ReloadableFenceIndex fences = ReloadableFenceIndex.of(FenceIndex.of(first.areas()));
 * // on a timer or a file-change event:
 * ReloadableFenceIndex.Outcome o = fences.reload(AreaReader.builder().build().readGeoJson(path));
 * // in request threads:
 * List<String> ids = fences.current().fencesContaining(lat, lon);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReloadableFenceIndex {

  private final AtomicReference<FenceIndex> current;

  private ReloadableFenceIndex(FenceIndex first) {
    this.current = new AtomicReference<>(first);
  }

  /**
   * Starts with {@code first}.
   *
   * @param first the index to use until the first reload; never null
   * @return the holder; never {@code null}
   */
  public static ReloadableFenceIndex of(FenceIndex first) {
    return new ReloadableFenceIndex(Objects.requireNonNull(first, "first must not be null"));
  }

  /**
   * Returns the index in use. Keep the returned index for a whole operation that makes several
   * lookups, so that they all see the same fences.
   *
   * @return the index; never {@code null}
   */
  public FenceIndex current() {
    return current.get();
  }

  /**
   * What a reload did.
   *
   * @param swapped whether the new index is now in use
   * @param previousFences fences in the index before the reload
   * @param currentFences fences in the index in use after the reload
   * @param rejectedFeatures features of the new input that could not be used
   * @param reason why the index was not swapped, or empty
   */
  public record Outcome(
      boolean swapped,
      int previousFences,
      int currentFences,
      long rejectedFeatures,
      String reason) {}

  /**
   * Builds an index from freshly read areas and swaps it in, unless the input has no usable area.
   *
   * @param read the areas read (with their rejections); never null
   * @return what happened; never {@code null}
   */
  public Outcome reload(AreaReadResult read) {
    Objects.requireNonNull(read, "read must not be null");
    FenceIndex before = current.get();
    if (read.areas().isEmpty()) {
      return new Outcome(
          false,
          before.size(),
          before.size(),
          read.rejected(),
          "the new input has no usable fence ("
              + read.rejected()
              + " rejected); the fences in use were kept");
    }
    FenceIndex next = FenceIndex.of(read.areas());
    FenceIndex previous = current.getAndSet(next);
    return new Outcome(true, previous.size(), next.size(), read.rejected(), "");
  }

  /**
   * Swaps in an index built elsewhere.
   *
   * @param next the new index; never null
   * @return the index it replaced; never {@code null}
   */
  public FenceIndex swap(FenceIndex next) {
    return current.getAndSet(Objects.requireNonNull(next, "next must not be null"));
  }
}
