package org.atalaya.anonymise.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntFunction;
import org.apiguardian.api.API;
import org.atalaya.anonymise.Disclosure;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;

/**
 * The figures of a {@link Disclosure} that the released records alone determine: which parts are
 * published, the risk of the classes, the diversity of sensitive attributes. {@link Release#run}
 * and {@link Release#verify} both compute them here, so the two cannot disagree.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Disclosures {
  private Disclosures() {}

  /** The released records, each as its parts: record r and its published location. */
  public record Records(
      int size, IntFunction<Incident> record, IntFunction<Optional<Location>> location) {
    public static Records of(List<Incident> list) {
      return new Records(list.size(), list::get, r -> list.get(r).location());
    }
  }

  private static final QuasiIdentifier[] PARTS = QuasiIdentifier.values();

  /** The parts that at least one released record carries. */
  public static Set<QuasiIdentifier> published(Records out) {
    long[] bits = new long[Chunks.count(out.size())];
    Chunks.forEach(
        out.size(),
        c -> {
          long found = 0;
          for (int r = c * Chunks.SIZE, to = Math.min(out.size(), r + Chunks.SIZE); r < to; r++) {
            found = notePublished(found, ALL, out.record().apply(r), out.location().apply(r));
          }
          bits[c] = found;
        });
    long all = 0;
    for (long b : bits) {
      all |= b;
    }
    return parts(all);
  }

  /** Every part's bit. */
  public static final long ALL = (1L << PARTS.length) - 1;

  /**
   * Adds to {@code found} (one bit per part, by ordinal) the parts among {@code mask} that {@code
   * i}, with its location replaced by {@code location}, carries.
   */
  public static long notePublished(long found, long mask, Incident i, Optional<Location> location) {
    // Only the parts not found yet are looked at: after a few records, none or one or two.
    for (long left = mask & ~found; left != 0; left &= left - 1) {
      int q = Long.numberOfTrailingZeros(left);
      if (PARTS[q].presentIn(i, location)) {
        found |= 1L << q;
      }
    }
    return found;
  }

  /**
   * The quasi-identifying parts that the released records carry, read from one member of each
   * class: members of a class agree on whether each of those parts is present.
   */
  public static long publishedByClass(Records out, int[] firstMembers, Set<QuasiIdentifier> qis) {
    long mask = bits(qis);
    long found = 0;
    for (int r : firstMembers) {
      found = notePublished(found, mask, out.record().apply(r), out.location().apply(r));
    }
    return found;
  }

  /** The bits of {@code parts}. */
  public static long bits(Set<QuasiIdentifier> parts) {
    long bits = 0;
    for (QuasiIdentifier q : parts) {
      bits |= 1L << q.ordinal();
    }
    return bits;
  }

  /** The parts whose bits are set. */
  public static Set<QuasiIdentifier> parts(long bits) {
    EnumSet<QuasiIdentifier> out = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier q : PARTS) {
      if ((bits & 1L << q.ordinal()) != 0) {
        out.add(q);
      }
    }
    return out;
  }

  /** Each part's role and whether it is published, in {@link QuasiIdentifier} order. */
  public static List<Disclosure.Role> roles(ReleasePolicy policy, Set<QuasiIdentifier> published) {
    List<Disclosure.Role> out = new ArrayList<>();
    policy
        .roles()
        .forEach(
            (q, role) ->
                out.add(
                    new Disclosure.Role(
                        q,
                        role,
                        policy.publishRecords() && published.contains(q),
                        Optional.ofNullable(policy.insensitiveReasons().get(q)))));
    return out;
  }

  /** The sizes of the classes, indexed by class number. */
  static int[] sizes(int[] classOf) {
    int count = 0;
    for (int c : classOf) {
      count = Math.max(count, c + 1);
    }
    int[] sizes = new int[count];
    for (int c : classOf) {
      sizes[c]++;
    }
    return sizes;
  }

  /**
   * The risk figures of classes of the given sizes; {@code population[c]}, when given, is class c's
   * size in the population.
   */
  public static Disclosure.Risk risk(int[] sizes, int k, int[] population) {
    long n = 0;
    int smallest = Integer.MAX_VALUE;
    long below = 0;
    long uniques = 0;
    for (int s : sizes) {
      n += s;
      smallest = Math.min(smallest, s);
      below += s < k ? s : 0;
      uniques += s == 1 ? 1 : 0;
    }
    if (n == 0) {
      return Disclosure.Risk.NONE;
    }
    double classes = sizes.length;
    double marketer = classes / n;
    OptionalDouble journalist = OptionalDouble.empty();
    if (population != null) {
      int smallestPopulation = Integer.MAX_VALUE;
      double expected = 0;
      for (int c = 0; c < sizes.length; c++) {
        smallestPopulation = Math.min(smallestPopulation, population[c]);
        expected += (double) sizes[c] / population[c];
      }
      journalist = OptionalDouble.of(1.0 / smallestPopulation);
      marketer = expected / n;
    }
    return new Disclosure.Risk(
        1.0 / smallest,
        classes / n,
        marketer,
        journalist,
        (double) below / n,
        (double) uniques / n,
        1.0 / k,
        (double) below / n);
  }

  /** The l-diversity and t-closeness of each sensitive part over the classes. */
  public static List<Disclosure.Diversity> diversity(
      Records out, int[] classOf, Set<QuasiIdentifier> sensitive) {
    List<Disclosure.Diversity> result = new ArrayList<>();
    int[] sizes = sizes(classOf);
    for (QuasiIdentifier part : sensitive) {
      Map<String, Integer> valueIds = new HashMap<>();
      int[] value = new int[out.size()];
      for (int r = 0; r < out.size(); r++) {
        String v = part.sensitiveValue(out.record().apply(r), out.location().apply(r));
        value[r] = valueIds.computeIfAbsent(v, x -> valueIds.size());
      }
      int values = valueIds.size();
      long[] overall = new long[values];
      Map<Long, Integer> byClass = new HashMap<>();
      for (int r = 0; r < out.size(); r++) {
        overall[value[r]]++;
        byClass.merge((long) classOf[r] * values + value[r], 1, Integer::sum);
      }
      // Per class: distinct values, entropy, and the distance from the overall distribution.
      int[] distinct = new int[sizes.length];
      double[] entropy = new double[sizes.length];
      double[] distance = new double[sizes.length];
      double[] seenShare = new double[sizes.length];
      for (Map.Entry<Long, Integer> e : byClass.entrySet()) {
        int c = (int) (e.getKey() / values);
        int v = (int) (e.getKey() % values);
        double p = (double) e.getValue() / sizes[c];
        double q = (double) overall[v] / out.size();
        distinct[c]++;
        entropy[c] -= p * Math.log(p);
        distance[c] += Math.abs(p - q);
        seenShare[c] += q;
      }
      long distinctL = Long.MAX_VALUE;
      double entropyL = Double.MAX_VALUE;
      double t = 0;
      for (int c = 0; c < sizes.length; c++) {
        distinctL = Math.min(distinctL, distinct[c]);
        entropyL = Math.min(entropyL, Math.exp(entropy[c]));
        // Values absent from the class add their whole overall share to the distance.
        t = Math.max(t, (distance[c] + (1 - seenShare[c])) / 2);
      }
      result.add(
          new Disclosure.Diversity(
              part,
              sizes.length == 0 ? 0 : distinctL,
              sizes.length == 0 ? 0 : round(entropyL),
              round(t)));
    }
    return result;
  }

  private static double round(double v) {
    return Math.round(v * 1e9) / 1e9;
  }
}
