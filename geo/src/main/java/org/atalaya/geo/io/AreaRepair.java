package org.atalaya.geo.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.AtalayaCode;
import org.atalaya.code.Severity;

/**
 * An invalid polygon that was repaired with JTS {@code GeometryFixer} and accepted: where it was
 * and what was wrong with it, as JTS {@code IsValidOp} found it. Immutable and thread-safe.
 *
 * @param featureIndex the 1-based feature (GeoJSON) or line (WKT) number
 * @param id the area's id; never {@code null}
 * @param problem what was wrong, for example "Self-intersection at (10.0, 5.0)"; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AreaRepair(long featureIndex, String id, String problem) {

  /** Validates the fields. */
  public AreaRepair {
    checkArgument(featureIndex >= 1, "featureIndex (%s) must be 1 or more", featureIndex);
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(problem, "problem must not be null");
  }

  /** The stable code of a repair: {@value}. */
  public static final String CODE = "ATL-GEO-009";

  /**
   * The code of a repair, in the shape of every Atalaya code: the polygon was used, so it is a
   * {@link Severity#WARNING}. The arguments of {@link #message} and {@link #hint} are the feature
   * number ({0}), the id ({1}) and the problem ({2}).
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Code implements AtalayaCode {
    /** An invalid polygon was repaired and accepted. */
    REPAIRED;

    @Override
    public String code() {
      return CODE;
    }

    @Override
    public Severity severity() {
      return Severity.WARNING;
    }

    @Override
    public String message(Locale locale, Object... args) {
      return GeoMessages.format(locale, CODE, args);
    }

    @Override
    public String hint(Locale locale, Object... args) {
      return GeoMessages.format(locale, CODE + ".hint", args);
    }
  }

  /**
   * Returns what was repaired, in Spanish for {@code es} and English otherwise.
   *
   * @param locale the language; never null
   * @return the message, with the feature number and id; never {@code null}
   */
  public String message(Locale locale) {
    return Code.REPAIRED.message(locale, featureIndex, id, problem);
  }
}
