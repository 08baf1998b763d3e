package org.atalaya.geo.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.AtalayaCode;
import org.atalaya.code.Severity;

/**
 * A feature that could not be used as an area, with where it was, why, and a detail. Immutable and
 * thread-safe.
 *
 * @param featureIndex the 1-based feature (GeoJSON) or line (WKT) number
 * @param id the feature's id as read; never {@code null}, empty when it had none
 * @param reason why it was rejected; never {@code null}
 * @param detail an English detail (the parser's message, the geometry type found); never {@code
 *     null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AreaRejection(long featureIndex, String id, Reason reason, String detail) {

  /** Validates the fields. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public AreaRejection {
    checkArgument(featureIndex >= 1, "featureIndex (%s) must be 1 or more", featureIndex);
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
  }

  /**
   * Returns what was wrong, in Spanish for {@code es} and English otherwise, for example "feature
   * 12 (id '0801'): the geometry is a LineString, not a Polygon or MultiPolygon".
   *
   * @param locale the language; never null
   * @return the message, with the feature number and id; never {@code null}
   */
  public String message(Locale locale) {
    return reason.message(locale, featureIndex, id, detail);
  }

  /**
   * Returns what to do about it, in Spanish for {@code es} and English otherwise.
   *
   * @param locale the language; never null
   * @return the hint; never {@code null}
   */
  public String hint(Locale locale) {
    return reason.hint(locale, featureIndex, id, detail);
  }

  /**
   * @return {@code "ATL-GEO-005 feature 12 (id '0801'): ..."} in English
   */
  @Override
  public String toString() {
    return reason.code() + " " + message(Locale.ENGLISH);
  }

  /**
   * Why a feature was rejected; each reason has a stable code {@code ATL-GEO-001} to {@code
   * ATL-GEO-008}, documented in {@code sdk-docs/geo.md}. A rejected feature is not used, so every
   * reason is an {@link Severity#ERROR}. The arguments of {@link #message} and {@link #hint} are
   * the feature number ({0}), the id ({1}) and the detail ({2}).
   *
   * @since 0.1
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Reason implements AtalayaCode {
    /** The id property (or the feature's {@code id} member) is missing, null or blank. */
    NO_ID("ATL-GEO-001"),
    /** The id was already used by an earlier accepted feature of the same input. */
    DUPLICATE_ID("ATL-GEO-002"),
    /** The feature has no geometry ({@code "geometry": null} or missing). */
    NO_GEOMETRY("ATL-GEO-003"),
    /** The geometry could not be parsed (bad JSON or WKT, too few coordinates). */
    UNPARSEABLE_GEOMETRY("ATL-GEO-004"),
    /** The geometry is not a Polygon or MultiPolygon (a point, a line, a collection). */
    NOT_AREAL("ATL-GEO-005"),
    /** The geometry is empty, or nothing areal is left after repair. */
    EMPTY("ATL-GEO-006"),
    /** A coordinate is outside longitude [-180, 180] or latitude [-90, 90], or not finite. */
    OUT_OF_RANGE("ATL-GEO-007"),
    /** The feature is not a JSON object of type Feature. */
    NOT_A_FEATURE("ATL-GEO-008");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /**
     * Returns the stable code, for example {@code "ATL-GEO-005"}.
     *
     * @return the code; never {@code null}
     */
    @Override
    public String code() {
      return code;
    }

    @Override
    public Severity severity() {
      return Severity.ERROR;
    }

    @Override
    public String message(Locale locale, Object... args) {
      return GeoMessages.format(locale, code, args);
    }

    @Override
    public String hint(Locale locale, Object... args) {
      return GeoMessages.format(locale, code + ".hint", args);
    }
  }
}
