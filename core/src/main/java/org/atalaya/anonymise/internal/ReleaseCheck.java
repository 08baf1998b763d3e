package org.atalaya.anonymise.internal;

import org.apiguardian.api.API;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.code.LocalizedDetail;

/**
 * The checks a release runs before it publishes, each with the name the privacy report gives it and
 * the code a refused release reports. Tables and attack profiles have one check each, named after
 * them ({@code table NAME}, {@code attack PROFILE}). Internal: use outside Atalaya is not
 * supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum ReleaseCheck {
  /** Every equivalence class over the quasi-identifiers holds at least k records. */
  K_ANONYMITY("k-anonymity", AnonymiseCode.K_NOT_REACHED),
  /** No more than the allowed share withheld. */
  SUPPRESSION("suppression", AnonymiseCode.TOO_MANY_SUPPRESSED),
  /** No sensitive record with a point or a time finer than a month. */
  SENSITIVE_DETAIL("sensitive-detail", AnonymiseCode.SENSITIVE_DETAIL),
  /** No identifier pattern or listed name in any text. */
  IDENTIFIERS("identifiers", AnonymiseCode.PII_REMAINS),
  /** No identifying part published as it is. */
  IDENTIFYING("identifying", AnonymiseCode.IDENTIFYING_PUBLISHED),
  /** The epsilon budget is not exceeded. */
  EPSILON("epsilon", AnonymiseCode.EPSILON_OVERSPENT),
  /** One aggregate table is protected, recomputed from its published text. */
  TABLE("table", AnonymiseCode.TABLE_UNPROTECTED),
  /** One attack profile of the policy narrows few enough targets. */
  ATTACK("attack", AnonymiseCode.ATTACK_SINGLES_OUT);

  private final String checkName;
  private final AnonymiseCode code;

  ReleaseCheck(String checkName, AnonymiseCode code) {
    this.checkName = checkName;
    this.code = code;
  }

  /**
   * Returns the code a release refused by this check reports.
   *
   * @return the code; never {@code null}
   */
  public AnonymiseCode code() {
    return code;
  }

  /**
   * Returns the name of this check in a report, for a check of one subject (a table, a profile):
   * for example {@code table by-area-month}.
   *
   * @param subject what the check is about; never null
   * @return the name; never {@code null}
   */
  public String named(String subject) {
    return checkName + " " + subject;
  }

  /**
   * Returns this check's verdict.
   *
   * @param passed whether it passed
   * @param detail what was found, in the reader's language; never null
   * @return the verdict; never {@code null}
   */
  public Verdict verdict(boolean passed, LocalizedDetail detail) {
    return new Verdict(this, PrivacyReport.Check.of(checkName, passed, detail));
  }

  /**
   * Returns this check's verdict on one subject ({@link #named}).
   *
   * @param subject what the check is about; never null
   * @param passed whether it passed
   * @param detail what was found, in the reader's language; never null
   * @return the verdict; never {@code null}
   */
  public Verdict verdict(String subject, boolean passed, LocalizedDetail detail) {
    return new Verdict(this, PrivacyReport.Check.of(named(subject), passed, detail));
  }

  /**
   * A check as the report shows it, with the check it is.
   *
   * @param kind the check; never null
   * @param check the report's line; never null
   */
  public record Verdict(ReleaseCheck kind, PrivacyReport.Check check) {
    /**
     * Returns this verdict as a check that was not applied: passed, saying why.
     *
     * @param why why it was not applied; never null
     * @return the verdict; never {@code null}
     */
    public Verdict notApplied(LocalizedDetail why) {
      return new Verdict(
          kind,
          PrivacyReport.Check.of(
              check.name(), true, ReleaseChecks.said("notApplied", why, check.localized())));
    }
  }
}
