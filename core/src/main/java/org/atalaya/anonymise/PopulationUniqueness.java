package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apiguardian.api.API;

/**
 * Estimates how many of a sample's records are unique in the population the sample was drawn from,
 * knowing only the sample's equivalence-class sizes and the sampling fraction {@code pi = n / N}
 * ({@code n} records in the sample, {@code N} in the population). A record can be unique in the
 * population only if it is unique in the sample, so every estimate lies between 0 and the number of
 * sample uniques {@code f1}; dividing an estimate by {@code pi} gives the expected number of
 * uniques in the whole population, the figure ARX reports.
 *
 * <p>Four estimators, each assuming a simple random sample without replacement:
 *
 * <ul>
 *   <li>{@link #zayatz Zayatz} (1991): the share of population classes of each size is taken to be
 *       the share of sample classes of that size, and Bayes' rule with hypergeometric sampling
 *       gives the chance that a sample unique is a population unique.
 *   <li>{@link #pitman Pitman} (1996): the population's partition into classes follows Pitman's
 *       two-parameter sampling formula, fitted to the sample by maximum likelihood (Hoshino, 2001,
 *       applied it to disclosure risk).
 *   <li>{@link #snb SNB}, the slide negative binomial of Chen and Keller-McNulty (1998): population
 *       class sizes minus one follow a negative binomial law, fitted so that the expected numbers
 *       of sample classes of sizes 1 and 2 equal the observed ones.
 *   <li>{@link #dankar Dankar}, El Emam, Neisa and Roffey (2012): a rule that picks one of the
 *       three by sampling fraction and by comparing estimates.
 * </ul>
 *
 * <p>When {@code pi} is 1 the sample is the population and every method returns the sample uniques
 * exactly, with model {@link Model#EXACT}. A model whose fit has no finite solution says so ({@link
 * Estimate#converged()} false, figures {@code NaN}) instead of returning a number. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PopulationUniqueness {
  /**
   * Dankar et al. prefer Pitman's model up to this sampling fraction, and Zayatz or SNB above it.
   */
  public static final double DANKAR_PITMAN_LIMIT = 0.1;

  private static final int MAX_NEWTON_STEPS = 200;
  private static final int MAX_HALVINGS = 60;

  /** Largest alpha the bracketing search tries: above it the fit is taken to run off to 1. */
  private static final double ALPHA_EDGE = 1 - 1e-7;

  private PopulationUniqueness() {}

  /** The model behind an estimate. */
  public enum Model {
    /** The sample is the population ({@code pi} = 1): the estimate is the sample uniques. */
    EXACT,
    /** Zayatz (1991). */
    ZAYATZ,
    /** Pitman (1996), parameters by maximum likelihood. */
    PITMAN,
    /** The slide negative binomial of Chen and Keller-McNulty (1998). */
    SNB,
    /**
     * Dankar et al.'s rule fell back to Zayatz's estimate because the model it prefers (Pitman at
     * {@code pi} up to 0.1, SNB above) did not converge.
     */
    DANKAR_ZAYATZ_FALLBACK
  }

  /**
   * An estimate of the sample's records that are unique in the population.
   *
   * @param model the model that produced the figures; never null
   * @param populationUniques the expected number of the sample's records that are unique in the
   *     population, from 0 to the sample uniques; {@code NaN} when the model did not converge
   * @param share {@code populationUniques} divided by the sample's records; {@code NaN} when the
   *     model did not converge
   * @param converged whether the model's parameters were found; always true for {@link Model#EXACT}
   *     and {@link Model#ZAYATZ}, which have none
   */
  public record Estimate(Model model, double populationUniques, double share, boolean converged) {
    /** Checks that a converged estimate is a finite, non-negative number and the rest is NaN. */
    public Estimate {
      Objects.requireNonNull(model, "model must not be null");
      if (converged) {
        checkArgument(
            populationUniques >= 0 && Double.isFinite(populationUniques),
            "populationUniques (%s) must be a non-negative number",
            populationUniques);
        checkArgument(share >= 0 && share <= 1, "share (%s) must be between 0 and 1", share);
      } else {
        checkArgument(
            Double.isNaN(populationUniques) && Double.isNaN(share),
            "an estimate that did not converge has no figures, not (%s, %s)",
            populationUniques,
            share);
      }
    }

    private static Estimate of(Model model, double uniques, Sample sample) {
      return new Estimate(model, uniques, uniques / sample.records(), true);
    }

    private static Estimate notConverged(Model model) {
      return new Estimate(model, Double.NaN, Double.NaN, false);
    }
  }

  /**
   * A sample's equivalence classes, as a frequency of frequencies: how many classes have 1 record,
   * how many 2, and so on. Immutable.
   */
  public static final class Sample {
    /** {@code counts[i]} classes of size {@code i + 1}; no trailing zero. */
    private final long[] counts;

    private final long records;
    private final long classes;

    private Sample(long[] counts) {
      long n = 0;
      long k = 0;
      for (int i = 0; i < counts.length; i++) {
        checkArgument(
            counts[i] >= 0,
            "classesOfSize[%s] (%s), the number of classes of size %s, must not be negative",
            i,
            counts[i],
            i + 1);
        n = Math.addExact(n, Math.multiplyExact(counts[i], i + 1L));
        k += counts[i];
      }
      checkArgument(n > 0, "the sample has no records (classesOfSize %s)", Arrays.toString(counts));
      checkArgument(
          n <= Integer.MAX_VALUE,
          "the sample's records (%s) must be at most %s",
          n,
          Integer.MAX_VALUE);
      int length = counts.length;
      while (counts[length - 1] == 0) {
        length--;
      }
      this.counts = Arrays.copyOf(counts, length);
      this.records = n;
      this.classes = k;
    }

    /**
     * Returns the sample with {@code classesOfSize[i]} classes of size {@code i + 1}.
     *
     * @param classesOfSize how many classes have 1 record, 2 records, ...; none negative, not all 0
     * @return the sample; never {@code null}
     * @throws IllegalArgumentException if a count is negative or the sample has no records
     */
    public static Sample ofFrequencies(long... classesOfSize) {
      Objects.requireNonNull(classesOfSize, "classesOfSize must not be null");
      return new Sample(classesOfSize.clone());
    }

    /**
     * Returns the sample whose records have the given class numbers, as {@link
     * org.atalaya.anonymise.internal.ClassNumbers} computes them: records with the same number form
     * one class.
     *
     * @param classNumbers one number per record, none negative; not empty
     * @return the sample; never {@code null}
     * @throws IllegalArgumentException if a number is negative or there is no record
     */
    public static Sample ofClassNumbers(int[] classNumbers) {
      Objects.requireNonNull(classNumbers, "classNumbers must not be null");
      checkArgument(classNumbers.length > 0, "the sample has no records (classNumbers is empty)");
      int max = 0;
      for (int i = 0; i < classNumbers.length; i++) {
        checkArgument(
            classNumbers[i] >= 0, "classNumbers[%s] (%s) must not be negative", i, classNumbers[i]);
        max = Math.max(max, classNumbers[i]);
      }
      int[] members = new int[max + 1];
      int largest = 0;
      for (int c : classNumbers) {
        largest = Math.max(largest, ++members[c]);
      }
      long[] counts = new long[largest];
      for (int m : members) {
        if (m > 0) {
          counts[m - 1]++;
        }
      }
      return new Sample(counts);
    }

    /**
     * Returns the number of records, {@code n}.
     *
     * @return at least 1
     */
    public long records() {
      return records;
    }

    /**
     * Returns the number of classes, {@code K}.
     *
     * @return at least 1
     */
    public long classes() {
      return classes;
    }

    /**
     * Returns how many classes have {@code size} records.
     *
     * @param size a size, at least 1
     * @return the number of classes of that size, 0 beyond the largest
     */
    public long classesOfSize(int size) {
      checkArgument(size >= 1, "size (%s) must be at least 1", size);
      return size <= counts.length ? counts[size - 1] : 0;
    }

    /**
     * Returns the sample uniques, {@code f1}: the records alone in their class.
     *
     * @return the number of classes of size 1
     */
    public long uniques() {
      return classesOfSize(1);
    }

    /**
     * Returns the largest class size.
     *
     * @return at least 1
     */
    public int largestClass() {
      return counts.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sample s && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return "Sample" + Arrays.toString(counts);
    }
  }

  /**
   * Returns Zayatz's (1991) estimate. The share {@code p_j} of population classes of size {@code j}
   * is estimated by the share of sample classes of size {@code j}; the chance that a class of size
   * {@code j} leaves exactly one record in the sample, {@code h_j}, is hypergeometric (one of
   * {@code j} marked records among {@code n} drawn from {@code N}); so a sample unique is a
   * population unique with probability {@code p_1 h_1 / sum_j p_j h_j}, and the estimate is {@code
   * f1} times that. {@code N} is {@code n / pi} rounded to a whole number.
   *
   * @param sample the sample's classes; never null
   * @param samplingFraction {@code pi = n / N}, more than 0 and at most 1
   * @return the estimate, always converged; model {@link Model#EXACT} when {@code pi} is 1
   * @throws IllegalArgumentException if {@code pi} is out of range or {@code N} exceeds {@link
   *     Integer#MAX_VALUE}
   */
  public static Estimate zayatz(Sample sample, double samplingFraction) {
    int population = populationSize(sample, samplingFraction);
    if (samplingFraction == 1) {
      return exact(sample);
    }
    if (sample.uniques() == 0) {
      return Estimate.of(Model.ZAYATZ, 0, sample);
    }
    int n = (int) sample.records();
    double weighted = 0;
    double unique = 0;
    for (int size = 1; size <= sample.largestClass(); size++) {
      long count = sample.classesOfSize(size);
      if (count > 0) {
        double h = HypergeometricDistribution.of(population, size, n).probability(1);
        weighted += count * h;
        if (size == 1) {
          unique = count * h;
        }
      }
    }
    // The common factor 1 / K of the p_j cancels.
    return Estimate.of(Model.ZAYATZ, clamp(sample.uniques() * unique / weighted, sample), sample);
  }

  /**
   * Returns the estimate of Pitman's (1996) model. The sample's partition into classes is taken to
   * follow Pitman's sampling formula with parameters {@code theta > -alpha} and {@code 0 <= alpha <
   * 1}, whose probability of a partition with {@code K} classes, {@code f_j} of size {@code j}, is
   * proportional to {@code prod_{i=1}^{K-1} (theta + i alpha) / (theta + 1)_{n-1} * prod_j ((1 -
   * alpha)_{j-1})^{f_j}} ({@code (x)_m} the rising factorial); the parameters maximise it (see
   * {@link #fitPitman}). Under the same formula the {@code N - n} records outside the sample join a
   * given sample unique's class with chance {@code (1 - alpha) / (theta + m)} at the {@code m}-th
   * record, so the class stays unique with probability {@code Gamma(theta + alpha + N - 1)
   * Gamma(theta + n) / (Gamma(theta + alpha + n - 1) Gamma(theta + N))}, and the estimate is {@code
   * f1} times that. For large {@code N} it is close to {@code f1 pi^(1 - alpha)}; divided by {@code
   * pi} it agrees in expectation with Hoshino's (2001) {@code Gamma(theta + 1) / Gamma(theta +
   * alpha) N^alpha}.
   *
   * @param sample the sample's classes; never null
   * @param samplingFraction {@code pi = n / N}, more than 0 and at most 1
   * @return the estimate; not converged when the likelihood has no maximum at finite parameters
   *     (every record unique, a single class, or a fit running off to {@code alpha = 1}); model
   *     {@link Model#EXACT} when {@code pi} is 1
   * @throws IllegalArgumentException if {@code pi} is out of range or {@code N} exceeds {@link
   *     Integer#MAX_VALUE}
   */
  public static Estimate pitman(Sample sample, double samplingFraction) {
    int population = populationSize(sample, samplingFraction);
    if (samplingFraction == 1) {
      return exact(sample);
    }
    if (sample.uniques() == 0) {
      return Estimate.of(Model.PITMAN, 0, sample);
    }
    PitmanFit fit = fitPitman(sample);
    if (!fit.converged()) {
      return Estimate.notConverged(Model.PITMAN);
    }
    double ta = fit.theta() + fit.alpha();
    double n = sample.records();
    double stays =
        Math.exp(
            LogGamma.value(ta + population - 1)
                - LogGamma.value(ta + n - 1)
                + LogGamma.value(fit.theta() + n)
                - LogGamma.value(fit.theta() + population));
    return Estimate.of(Model.PITMAN, clamp(sample.uniques() * stays, sample), sample);
  }

  /**
   * Returns the estimate of the slide negative binomial model (Chen and Keller-McNulty, 1998). Each
   * of the population's {@code K} classes has {@code 1 + G} records with {@code G} negative
   * binomial, {@code P(G = g) = Gamma(g + a) / (Gamma(a) g!) b^a (1 - b)^g}, so a class is unique
   * with probability {@code b^a}; each record enters the sample with probability {@code pi}. With
   * {@code q = 1 - pi} and {@code d = 1 - q (1 - b)}, a class leaves one record in the sample with
   * probability {@code P1 = pi (b / d)^a (1 + a q (1 - b) / d)} and two with {@code P2 = a pi^2 (1
   * - b) b^a (2 - (1 - a) q (1 - b)) / (2 d^(a + 2))}. {@code K} is estimated by Shlosser's (1981)
   * estimator {@code K_s + f1 sum_j q^j f_j / sum_j j pi q^(j-1) f_j} ({@code K_s} the sample's
   * classes), and {@code a > 0}, {@code 0 < b < 1} solve {@code K P1 = f1} and {@code K P2 = f2}.
   * The estimate is {@code f1} times the chance that a sample unique is a population unique, {@code
   * pi b^a / P1}.
   *
   * @param sample the sample's classes; never null
   * @param samplingFraction {@code pi = n / N}, more than 0 and at most 1
   * @return the estimate; not converged when the two equations have no solution (always so without
   *     classes of size 2); model {@link Model#EXACT} when {@code pi} is 1
   * @throws IllegalArgumentException if {@code pi} is out of range or {@code N} exceeds {@link
   *     Integer#MAX_VALUE}
   */
  public static Estimate snb(Sample sample, double samplingFraction) {
    populationSize(sample, samplingFraction);
    if (samplingFraction == 1) {
      return exact(sample);
    }
    if (sample.uniques() == 0) {
      return Estimate.of(Model.SNB, 0, sample);
    }
    SnbFit fit = fitSnb(sample, samplingFraction);
    if (!fit.converged()) {
      return Estimate.notConverged(Model.SNB);
    }
    double[] p = snbProbabilities(fit.a(), fit.b(), samplingFraction);
    double unique = samplingFraction * Math.pow(fit.b(), fit.a()) / p[0];
    return Estimate.of(Model.SNB, clamp(sample.uniques() * unique, sample), sample);
  }

  /**
   * Returns the estimate chosen by the rule of Dankar, El Emam, Neisa and Roffey (2012), who found
   * in simulations that no single model was accurate across sampling fractions: up to {@code pi} =
   * {@value #DANKAR_PITMAN_LIMIT}, Pitman's model; above it, the smaller of Zayatz's and the SNB
   * estimate. When the preferred model does not converge (Pitman below the limit, SNB above), the
   * rule falls back to Zayatz's estimate, which always exists, and says so with {@link
   * Model#DANKAR_ZAYATZ_FALLBACK}. This is also the rule ARX applies.
   *
   * @param sample the sample's classes; never null
   * @param samplingFraction {@code pi = n / N}, more than 0 and at most 1
   * @return the chosen estimate, always converged; its model names the choice
   * @throws IllegalArgumentException if {@code pi} is out of range or {@code N} exceeds {@link
   *     Integer#MAX_VALUE}
   */
  public static Estimate dankar(Sample sample, double samplingFraction) {
    populationSize(sample, samplingFraction);
    if (samplingFraction == 1) {
      return exact(sample);
    }
    Estimate preferred =
        samplingFraction <= DANKAR_PITMAN_LIMIT
            ? pitman(sample, samplingFraction)
            : snb(sample, samplingFraction);
    if (!preferred.converged()) {
      Estimate z = zayatz(sample, samplingFraction);
      return new Estimate(Model.DANKAR_ZAYATZ_FALLBACK, z.populationUniques(), z.share(), true);
    }
    if (preferred.model() == Model.PITMAN) {
      return preferred;
    }
    Estimate z = zayatz(sample, samplingFraction);
    return z.populationUniques() < preferred.populationUniques() ? z : preferred;
  }

  // ---------------------------------------------------------------- Pitman's likelihood

  /** Pitman's parameters fitted to a sample; {@code NaN} when not converged. */
  record PitmanFit(double theta, double alpha, boolean converged, double logLikelihood) {
    static final PitmanFit NONE = new PitmanFit(Double.NaN, Double.NaN, false, Double.NaN);
  }

  /**
   * Fits Pitman's parameters by maximum likelihood: Newton's method on the gradient with step
   * halving, from the best point of a coarse scan of {@code alpha}; if that does not settle on a
   * maximum inside {@code 0 < alpha < 1}, the bracketing search of {@link #fitPitmanByBracketing}.
   */
  static PitmanFit fitPitman(Sample sample) {
    long k = sample.classes();
    long n = sample.records();
    if (k < 2 || k >= n) {
      // All records in one class, or all unique: the likelihood grows towards an edge.
      return PitmanFit.NONE;
    }
    Pitman likelihood = new Pitman(sample);
    // Start on the ridge: the best of a coarse scan of alpha, each with its own best theta.
    double bestAlpha = Double.NaN;
    double bestTheta = Double.NaN;
    double best = Double.NEGATIVE_INFINITY;
    for (double alpha : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
      double theta = likelihood.thetaForAlpha(alpha);
      double l =
          Double.isNaN(theta) ? Double.NEGATIVE_INFINITY : likelihood.logLikelihood(theta, alpha);
      if (l > best) {
        best = l;
        bestAlpha = alpha;
        bestTheta = theta;
      }
    }
    if (!Double.isNaN(bestAlpha)) {
      PitmanFit newton = likelihood.newton(bestTheta, bestAlpha);
      if (newton.converged()) {
        return newton;
      }
    }
    return likelihood.profileSearch();
  }

  /**
   * Fits Pitman's parameters by a bracketing search alone: the profile likelihood is maximised over
   * {@code alpha} in {@code [0, 1)} by golden section, {@code theta} for each {@code alpha} being
   * the root of the score (bisection on {@code log(theta + alpha)}). A maximum on the edge {@code
   * alpha = 0} is Ewens's model and counts as converged; one that runs off to {@code alpha = 1} or
   * to an infinite {@code theta} does not.
   */
  static PitmanFit fitPitmanByBracketing(Sample sample) {
    long k = sample.classes();
    return k < 2 || k >= sample.records() ? PitmanFit.NONE : new Pitman(sample).profileSearch();
  }

  /** The log-likelihood of Pitman's sampling formula for one sample, with its derivatives. */
  private static final class Pitman {
    private final long classes;
    private final long records;
    private final int[] sizes;
    private final long[] counts;

    Pitman(Sample sample) {
      this.classes = sample.classes();
      this.records = sample.records();
      int distinct = 0;
      for (int j = 2; j <= sample.largestClass(); j++) {
        distinct += sample.classesOfSize(j) > 0 ? 1 : 0;
      }
      this.sizes = new int[distinct];
      this.counts = new long[distinct];
      for (int j = 2, x = 0; j <= sample.largestClass(); j++) {
        if (sample.classesOfSize(j) > 0) {
          sizes[x] = j;
          counts[x++] = sample.classesOfSize(j);
        }
      }
    }

    boolean inside(double theta, double alpha) {
      return alpha >= 0 && alpha < 1 && theta + alpha > 0 && Double.isFinite(theta);
    }

    double logLikelihood(double theta, double alpha) {
      double sum = 0;
      for (long i = 1; i < classes; i++) {
        sum += Math.log(theta + i * alpha);
      }
      sum -= LogGamma.value(theta + records) - LogGamma.value(theta + 1);
      double base = LogGamma.value(1 - alpha);
      for (int x = 0; x < sizes.length; x++) {
        sum += counts[x] * (LogGamma.value(sizes[x] - alpha) - base);
      }
      return sum;
    }

    /** The score in theta: sum_i 1/(theta + i alpha) - (psi(theta + n) - psi(theta + 1)). */
    double thetaScore(double theta, double alpha) {
      double sum = 0;
      for (long i = 1; i < classes; i++) {
        sum += 1 / (theta + i * alpha);
      }
      return sum - (Digamma.value(theta + records) - Digamma.value(theta + 1));
    }

    /** {gradient theta, gradient alpha, d2 theta theta, d2 theta alpha, d2 alpha alpha}. */
    double[] derivatives(double theta, double alpha) {
      double g1 = 0;
      double g2 = 0;
      double h11 = 0;
      double h12 = 0;
      double h22 = 0;
      for (long i = 1; i < classes; i++) {
        double r = 1 / (theta + i * alpha);
        g1 += r;
        g2 += i * r;
        h11 -= r * r;
        h12 -= i * r * r;
        h22 -= (double) i * i * r * r;
      }
      g1 -= Digamma.value(theta + records) - Digamma.value(theta + 1);
      h11 += Trigamma.value(theta + 1) - Trigamma.value(theta + records);
      double d = Digamma.value(1 - alpha);
      double t = Trigamma.value(1 - alpha);
      for (int x = 0; x < sizes.length; x++) {
        g2 -= counts[x] * (Digamma.value(sizes[x] - alpha) - d);
        h22 += counts[x] * (Trigamma.value(sizes[x] - alpha) - t);
      }
      return new double[] {g1, g2, h11, h12, h22};
    }

    /** Damped Newton from (theta, alpha); converged only at an interior maximum. */
    PitmanFit newton(double theta, double alpha) {
      double l = logLikelihood(theta, alpha);
      for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
        double[] d = derivatives(theta, alpha);
        double det = d[2] * d[4] - d[3] * d[3];
        boolean concave = d[2] < 0 && det > 0;
        double dt;
        double da;
        if (concave) {
          dt = -(d[4] * d[0] - d[3] * d[1]) / det;
          da = -(-d[3] * d[0] + d[2] * d[1]) / det;
        } else {
          // Not concave here: go uphill along the gradient instead, scaled to a modest step.
          double norm = Math.hypot(d[0], d[1]);
          dt = d[0] / norm * 0.1 * (1 + Math.abs(theta));
          da = d[1] / norm * 0.05;
        }
        if (concave && Math.abs(dt) <= 1e-10 * (1 + Math.abs(theta)) && Math.abs(da) <= 1e-12) {
          boolean interior = alpha > 1e-9 && alpha < ALPHA_EDGE;
          return interior ? new PitmanFit(theta, alpha, true, l) : PitmanFit.NONE;
        }
        boolean moved = false;
        for (int h = 0; h < MAX_HALVINGS; h++, dt /= 2, da /= 2) {
          double nt = theta + dt;
          double na = alpha + da;
          if (inside(nt, na)) {
            double nl = logLikelihood(nt, na);
            if (nl >= l - 1e-12 * Math.abs(l)) {
              theta = nt;
              alpha = na;
              l = nl;
              moved = true;
              break;
            }
          }
        }
        if (!moved) {
          return PitmanFit.NONE;
        }
      }
      return PitmanFit.NONE;
    }

    /**
     * The theta that maximises the likelihood at this alpha: the root of the score, which is
     * positive near theta = -alpha (when K >= 2) and negative for large theta (when K < n).
     */
    double thetaForAlpha(double alpha) {
      double lo = Math.log(1e-12);
      double hi = Math.log(1e12 * records);
      if (thetaScore(Math.exp(hi) - alpha, alpha) > 0) {
        return Double.NaN;
      }
      for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(hi)); i++) {
        double mid = 0.5 * (lo + hi);
        if (thetaScore(Math.exp(mid) - alpha, alpha) > 0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return Math.exp(0.5 * (lo + hi)) - alpha;
    }

    double profile(double alpha) {
      double theta = thetaForAlpha(alpha);
      return Double.isNaN(theta) ? Double.NEGATIVE_INFINITY : logLikelihood(theta, alpha);
    }

    /** Golden-section search of the profile likelihood over alpha in [0, ALPHA_EDGE]. */
    PitmanFit profileSearch() {
      double ratio = (Math.sqrt(5) - 1) / 2;
      double lo = 0;
      double hi = ALPHA_EDGE;
      double a = hi - ratio * (hi - lo);
      double b = lo + ratio * (hi - lo);
      double pa = profile(a);
      double pb = profile(b);
      while (hi - lo > 1e-10) {
        if (pa >= pb) {
          hi = b;
          b = a;
          pb = pa;
          a = hi - ratio * (hi - lo);
          pa = profile(a);
        } else {
          lo = a;
          a = b;
          pa = pb;
          b = lo + ratio * (hi - lo);
          pb = profile(b);
        }
      }
      double alpha = 0.5 * (lo + hi);
      if (alpha > ALPHA_EDGE - 1e-6) {
        return PitmanFit.NONE;
      }
      // At the edge alpha = 0 the maximum is Ewens's if the likelihood falls as alpha grows.
      if (alpha < 1e-8 && profile(0) >= profile(alpha)) {
        alpha = 0;
      }
      double theta = thetaForAlpha(alpha);
      if (Double.isNaN(theta)) {
        return PitmanFit.NONE;
      }
      // Polish an interior maximum with Newton, whose answer is kept only if it is at least as
      // good.
      double l = logLikelihood(theta, alpha);
      if (alpha > 0) {
        PitmanFit polished = newton(theta, alpha);
        if (polished.converged() && polished.logLikelihood() >= l - 1e-12 * Math.abs(l)) {
          return polished;
        }
      }
      return new PitmanFit(theta, alpha, true, l);
    }
  }

  // ---------------------------------------------------------------- the slide negative binomial

  /** SNB parameters fitted to a sample, with the estimated number of population classes. */
  record SnbFit(double a, double b, double classes, boolean converged) {
    static final SnbFit NONE = new SnbFit(Double.NaN, Double.NaN, Double.NaN, false);
  }

  /** Shlosser's (1981) estimate of the number of classes in the population. */
  static double shlosser(Sample sample, double samplingFraction) {
    double q = 1 - samplingFraction;
    double top = 0;
    double bottom = 0;
    for (int j = 1; j <= sample.largestClass(); j++) {
      long f = sample.classesOfSize(j);
      if (f > 0) {
        top += Math.pow(q, j) * f;
        bottom += j * samplingFraction * Math.pow(q, j - 1) * f;
      }
    }
    return sample.classes() + sample.uniques() * top / bottom;
  }

  /** {P(f = 1), P(f = 2)} for one population class under the SNB model. */
  static double[] snbProbabilities(double a, double b, double pi) {
    double q = 1 - pi;
    double d = 1 - q * (1 - b);
    double p1 = pi * Math.pow(b / d, a) * (1 + a * q * (1 - b) / d);
    double p2 =
        a
            * pi
            * pi
            * (1 - b)
            * Math.pow(b, a)
            * (2 - (1 - a) * q * (1 - b))
            / (2 * Math.pow(d, a + 2));
    return new double[] {p1, p2};
  }

  /** Starting points (log a, logit b) for Newton's method on the SNB equations. */
  private static final double[][] SNB_STARTS = {
    {0, 0}, {-2, -4}, {-3, -9}, {1, -2}, {-1, 2}, {2, 2}, {-4, -12}
  };

  /**
   * Solves the two SNB equations in {@code log a} and {@code logit b} (which keep {@code a > 0} and
   * {@code 0 < b < 1}) by Newton's method with a difference-quotient Jacobian and step halving,
   * from a few starting points; converged when both equations hold to 1e-10 in logarithm.
   */
  static SnbFit fitSnb(Sample sample, double pi) {
    long f1 = sample.uniques();
    long f2 = sample.classesOfSize(2);
    if (f1 == 0 || f2 == 0) {
      return SnbFit.NONE;
    }
    double k = shlosser(sample, pi);
    double[] target = {Math.log(f1 / k), Math.log(f2 / k)};
    for (double[] start : SNB_STARTS) {
      double[] x = start.clone();
      double[] r = snbResiduals(x, pi, target);
      for (int step = 0; step < MAX_NEWTON_STEPS && r != null; step++) {
        double norm = Math.max(Math.abs(r[0]), Math.abs(r[1]));
        if (norm < 1e-10) {
          double a = Math.exp(x[0]);
          double b = 1 / (1 + Math.exp(-x[1]));
          return b > 0 && b < 1 && Double.isFinite(a) ? new SnbFit(a, b, k, true) : SnbFit.NONE;
        }
        double[][] j = new double[2][2];
        boolean ok = true;
        for (int c = 0; c < 2 && ok; c++) {
          double h = 1e-6 * (1 + Math.abs(x[c]));
          double[] up = x.clone();
          double[] down = x.clone();
          up[c] += h;
          down[c] -= h;
          double[] ru = snbResiduals(up, pi, target);
          double[] rd = snbResiduals(down, pi, target);
          ok = ru != null && rd != null;
          if (ok) {
            j[0][c] = (ru[0] - rd[0]) / (2 * h);
            j[1][c] = (ru[1] - rd[1]) / (2 * h);
          }
        }
        double det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
        if (!ok || !(Math.abs(det) > 0) || !Double.isFinite(det)) {
          break;
        }
        double dx0 = -(j[1][1] * r[0] - j[0][1] * r[1]) / det;
        double dx1 = -(-j[1][0] * r[0] + j[0][0] * r[1]) / det;
        // Steps in log a and logit b beyond 5 leave the region where the start could guide them.
        double scale = Math.min(1, 5 / Math.max(Math.abs(dx0), Math.abs(dx1)));
        dx0 *= scale;
        dx1 *= scale;
        double[] next = null;
        for (int h = 0; h < MAX_HALVINGS; h++, dx0 /= 2, dx1 /= 2) {
          double[] y = {x[0] + dx0, x[1] + dx1};
          double[] ry = snbResiduals(y, pi, target);
          if (ry != null && Math.max(Math.abs(ry[0]), Math.abs(ry[1])) < norm) {
            next = y;
            r = ry;
            break;
          }
        }
        if (next == null) {
          break;
        }
        x = next;
      }
    }
    return SnbFit.NONE;
  }

  /** {log P1 - log(f1 / K), log P2 - log(f2 / K)}, or null where they are not finite. */
  private static double[] snbResiduals(double[] x, double pi, double[] target) {
    double a = Math.exp(x[0]);
    double b = 1 / (1 + Math.exp(-x[1]));
    if (!(a > 0) || !Double.isFinite(a) || !(b > 0) || !(b < 1)) {
      return null;
    }
    double[] p = snbProbabilities(a, b, pi);
    double r0 = Math.log(p[0]) - target[0];
    double r1 = Math.log(p[1]) - target[1];
    return Double.isFinite(r0) && Double.isFinite(r1) ? new double[] {r0, r1} : null;
  }

  // ---------------------------------------------------------------- shared

  private static Estimate exact(Sample sample) {
    return Estimate.of(Model.EXACT, sample.uniques(), sample);
  }

  /** Keeps a rounding error from putting an estimate a hair outside [0, f1]. */
  private static double clamp(double uniques, Sample sample) {
    return Math.max(0, Math.min(sample.uniques(), uniques));
  }

  /** Checks the arguments and returns {@code N = n / pi}, rounded. */
  private static int populationSize(Sample sample, double samplingFraction) {
    Objects.requireNonNull(sample, "sample must not be null");
    checkArgument(
        samplingFraction > 0 && samplingFraction <= 1,
        "samplingFraction (%s) must be more than 0 and at most 1",
        samplingFraction);
    double population = Math.rint(sample.records() / samplingFraction);
    checkArgument(
        population <= Integer.MAX_VALUE,
        "the population size n / samplingFraction (%s / %s) must be at most %s",
        sample.records(),
        samplingFraction,
        Integer.MAX_VALUE);
    return (int) Math.max(sample.records(), population);
  }
}
