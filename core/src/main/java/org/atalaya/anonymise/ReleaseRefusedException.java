package org.atalaya.anonymise;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown by {@link Release#publish} when a check fails: nothing was written. The message names the
 * check and the areas that fell short; {@link #report()} has every check.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleaseRefusedException extends AnonymisationException {
  private static final long serialVersionUID = 1L;

  private final transient PrivacyReport report;

  ReleaseRefusedException(AnonymiseCode code, String detail, PrivacyReport report) {
    super(code, detail);
    this.report = Objects.requireNonNull(report, "report must not be null");
  }

  /**
   * Returns the report of the refused release.
   *
   * @return the report; never {@code null}
   */
  public PrivacyReport report() {
    return report;
  }
}
