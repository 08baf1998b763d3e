package org.atalaya.geo.weights;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A spatial weights matrix W over n areas or points: for each area i its neighbours j (never i
 * itself) and the weight w<sub>ij</sub> &gt; 0, stored sparsely (compressed rows, neighbours in
 * ascending index order). Areas are identified by index (input order) and by id.
 *
 * <p><b>Islands</b> (areas with no neighbour) are kept, with an empty row, and listed by {@link
 * #islands()}: statistics decide how to treat them and say so, they are never dropped silently.
 *
 * <p>The sums S0, S1 and S2 are those of Cliff and Ord used by spdep's {@code spweights.constants}:
 * S0 = &Sigma;<sub>ij</sub> w<sub>ij</sub>, S1 = &frac12; &Sigma;<sub>ij</sub> (w<sub>ij</sub> +
 * w<sub>ji</sub>)&sup2;, S2 = &Sigma;<sub>i</sub> (w<sub>i&middot;</sub> +
 * w<sub>&middot;i</sub>)&sup2;.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpatialWeights {

  private final ImmutableList<String> ids;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] weights;
  private final Transform transform;
  private final Map<String, Integer> index;

  private SpatialWeights(
      ImmutableList<String> ids,
      int[] offsets,
      int[] neighbours,
      double[] weights,
      Transform transform) {
    this.ids = ids;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weights = weights;
    this.transform = transform;
    this.index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      Integer previous = index.put(ids.get(i), i);
      checkArgument(
          previous == null,
          "id %s appears twice (index %s and %s): ids must be unique",
          ids.get(i),
          previous,
          i);
    }
  }

  /**
   * Returns a builder for weights over the given ids (index i is {@code ids.get(i)}).
   *
   * @param ids the unique, non-null ids in the order of the data; never {@code null}
   * @return a new builder; never {@code null}
   */
  public static Builder builder(List<String> ids) {
    return new Builder(ids);
  }

  /**
   * Returns the number of areas n, islands included.
   *
   * @return n
   */
  public int size() {
    return ids.size();
  }

  /**
   * Returns the ids in index order.
   *
   * @return the ids; never {@code null}
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns the id of area {@code i}.
   *
   * @param i the index, zero inclusive to {@link #size()} exclusive
   * @return the id; never {@code null}
   */
  public String id(int i) {
    return ids.get(i);
  }

  /**
   * Returns the index of an id.
   *
   * @param id the id; never {@code null}
   * @return the index, or empty if no area has that id
   */
  public OptionalInt indexOf(String id) {
    Integer i = index.get(Objects.requireNonNull(id, "id must not be null"));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * Returns how the weights were scaled.
   *
   * @return the transform; never {@code null}
   */
  public Transform transform() {
    return transform;
  }

  /**
   * Returns the number of neighbours of area {@code i} (its cardinality).
   *
   * @param i the index
   * @return the number of neighbours, 0 for an island
   */
  public int cardinality(int i) {
    checkElementIndex(i, size(), "area index");
    return offsets[i + 1] - offsets[i];
  }

  /**
   * Returns the k-th neighbour of area {@code i} (neighbours are in ascending index order).
   *
   * @param i the area index
   * @param k zero inclusive to {@link #cardinality(int)} exclusive
   * @return the neighbour's index
   */
  public int neighbour(int i, int k) {
    checkElementIndex(k, cardinality(i), "neighbour position");
    return neighbours[offsets[i] + k];
  }

  /**
   * Returns the weight of the k-th neighbour of area {@code i}.
   *
   * @param i the area index
   * @param k zero inclusive to {@link #cardinality(int)} exclusive
   * @return w<sub>ij</sub>, positive
   */
  public double weight(int i, int k) {
    checkElementIndex(k, cardinality(i), "neighbour position");
    return weights[offsets[i] + k];
  }

  /**
   * Returns w<sub>ij</sub>, zero when j is not a neighbour of i.
   *
   * @param i the row
   * @param j the column
   * @return the weight
   */
  public double weightOf(int i, int j) {
    checkElementIndex(i, size(), "area index");
    checkElementIndex(j, size(), "neighbour index");
    int k = Arrays.binarySearch(neighbours, offsets[i], offsets[i + 1], j);
    return k >= 0 ? weights[k] : 0.0;
  }

  /**
   * Returns the neighbours of area {@code i}.
   *
   * @param i the index
   * @return a new array of neighbour indices in ascending order; never {@code null}, empty for an
   *     island
   */
  public int[] neighbours(int i) {
    checkElementIndex(i, size(), "area index");
    return Arrays.copyOfRange(neighbours, offsets[i], offsets[i + 1]);
  }

  /**
   * Returns the ids of the islands (areas with no neighbour), in index order.
   *
   * @return the ids; never {@code null}, empty when every area has a neighbour
   */
  public List<String> islands() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (offsets[i + 1] == offsets[i]) {
        out.add(ids.get(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the sum of the weights of row i, w<sub>i&middot;</sub>.
   *
   * @param i the index
   * @return the row sum; 0 for an island
   */
  public double rowSum(int i) {
    checkElementIndex(i, size(), "area index");
    double s = 0;
    for (int k = offsets[i]; k < offsets[i + 1]; k++) {
      s += weights[k];
    }
    return s;
  }

  /**
   * Returns the spatial lag &Sigma;<sub>j</sub> w<sub>ij</sub> y<sub>j</sub> of area i.
   *
   * @param i the index
   * @param y one value per area; never {@code null}
   * @return the lag, 0 for an island
   */
  public double lag(int i, double[] y) {
    double s = 0;
    for (int k = offsets[i]; k < offsets[i + 1]; k++) {
      s += weights[k] * y[neighbours[k]];
    }
    return s;
  }

  /**
   * Returns S0, the sum of all weights.
   *
   * @return S0
   */
  public double s0() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /**
   * Returns S1 = &frac12; &Sigma;<sub>ij</sub> (w<sub>ij</sub> + w<sub>ji</sub>)&sup2;.
   *
   * @return S1
   */
  public double s1() {
    double twice = 0;
    for (int i = 0; i < size(); i++) {
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        int j = neighbours[k];
        int back = Arrays.binarySearch(neighbours, offsets[j], offsets[j + 1], i);
        if (back >= 0) {
          double sum = weights[k] + weights[back];
          twice += sum * sum;
        } else {
          // (i, j) and the absent (j, i) both contribute w_ij^2
          twice += 2 * weights[k] * weights[k];
        }
      }
    }
    return twice / 2;
  }

  /**
   * Returns S2 = &Sigma;<sub>i</sub> (w<sub>i&middot;</sub> + w<sub>&middot;i</sub>)&sup2;.
   *
   * @return S2
   */
  public double s2() {
    double[] margin = new double[size()];
    for (int i = 0; i < size(); i++) {
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        margin[i] += weights[k];
        margin[neighbours[k]] += weights[k];
      }
    }
    double s = 0;
    for (double m : margin) {
      s += m * m;
    }
    return s;
  }

  /**
   * Tells whether w<sub>ij</sub> = w<sub>ji</sub> for every pair (exactly).
   *
   * @return true when W is symmetric
   */
  public boolean isSymmetric() {
    for (int i = 0; i < size(); i++) {
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        if (weightOf(neighbours[k], i) != weights[k]) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Returns these weights scaled as asked: {@link Transform#BINARY} sets every weight to 1, {@link
   * Transform#ROW} divides each row by its sum (islands stay empty), {@link Transform#GENERAL}
   * returns this.
   *
   * @param to the wanted transform; never {@code null}
   * @return weights with the same neighbours; never {@code null}
   */
  public SpatialWeights transform(Transform to) {
    Objects.requireNonNull(to, "transform must not be null");
    if (to == transform || to == Transform.GENERAL) {
      return this;
    }
    double[] w = new double[weights.length];
    for (int i = 0; i < size(); i++) {
      double sum = to == Transform.ROW ? rowSum(i) : 1;
      for (int k = offsets[i]; k < offsets[i + 1]; k++) {
        w[k] = to == Transform.BINARY ? 1.0 : weights[k] / sum;
      }
    }
    return new SpatialWeights(ids, offsets, neighbours, w, to);
  }

  @Override
  public String toString() {
    return "SpatialWeights[n="
        + size()
        + ", links="
        + neighbours.length
        + ", transform="
        + transform
        + ", islands="
        + islands().size()
        + "]";
  }

  /**
   * Collects links, then builds immutable weights. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final ImmutableList<String> ids;
    private final List<Map<Integer, Double>> rows;

    private Builder(List<String> ids) {
      Objects.requireNonNull(ids, "ids must not be null");
      for (int i = 0; i < ids.size(); i++) {
        checkArgument(ids.get(i) != null, "id at index %s must not be null", i);
      }
      this.ids = ImmutableList.copyOf(ids);
      this.rows = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        rows.add(new HashMap<>());
      }
    }

    /**
     * Makes j a neighbour of i with weight 1 (one direction only; call {@code link(j, i)} too for a
     * symmetric relation).
     *
     * @param i the row index
     * @param j the neighbour index, not i
     * @return this builder
     */
    public Builder link(int i, int j) {
      return link(i, j, 1.0);
    }

    /**
     * Makes j a neighbour of i with the given weight.
     *
     * @param i the row index
     * @param j the neighbour index, not i
     * @param weight positive and finite
     * @return this builder
     * @throws IllegalArgumentException for a self link, a repeated link or a bad weight
     */
    public Builder link(int i, int j, double weight) {
      checkElementIndex(i, ids.size(), "area index");
      checkElementIndex(j, ids.size(), "neighbour index");
      checkArgument(i != j, "area %s cannot be its own neighbour", ids.get(i));
      checkArgument(
          weight > 0 && Double.isFinite(weight),
          "weight of %s -> %s (%s) must be positive and finite",
          ids.get(i),
          ids.get(j),
          weight);
      Double previous = rows.get(i).put(j, weight);
      checkArgument(previous == null, "link %s -> %s is given twice", ids.get(i), ids.get(j));
      return this;
    }

    /**
     * Tells whether j is already a neighbour of i.
     *
     * @param i the row index
     * @param j the neighbour index
     * @return true if linked
     */
    public boolean isLinked(int i, int j) {
      return rows.get(i).containsKey(j);
    }

    /**
     * Builds the weights as given ({@link Transform#GENERAL}), then applies {@code transform}.
     *
     * @param transform how to scale the weights; never {@code null}
     * @return the weights; never {@code null}
     */
    public SpatialWeights build(Transform transform) {
      int n = ids.size();
      int[] offsets = new int[n + 1];
      for (int i = 0; i < n; i++) {
        offsets[i + 1] = offsets[i] + rows.get(i).size();
      }
      int[] nb = new int[offsets[n]];
      double[] w = new double[offsets[n]];
      for (int i = 0; i < n; i++) {
        int[] js = rows.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int k = 0; k < js.length; k++) {
          nb[offsets[i] + k] = js[k];
          w[offsets[i] + k] = rows.get(i).get(js[k]);
        }
      }
      return new SpatialWeights(ids, offsets, nb, w, Transform.GENERAL).transform(transform);
    }
  }
}
