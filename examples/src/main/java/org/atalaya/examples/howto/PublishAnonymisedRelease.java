package org.atalaya.examples.howto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseRefusedException;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.synthetic.SyntheticIncidents;

/**
 * Shows: publishing an anonymised open-data release that fails closed. Sensitive cases lose their
 * point and day, narratives are dropped, times become months, points are donut-masked 100-400 m
 * (the move derives from a keyed pseudonym, so releases cannot be averaged), and every place and
 * month must hold at least 5 incidents. If a check fails, nothing is written.
 *
 * <p>Run: {@code java PublishAnonymisedRelease [out.geojson]}. The key would come from an
 * environment variable or a file ({@code ReleaseKey.fromEnvironment}); here it is made for the run.
 */
public final class PublishAnonymisedRelease {

  public static void main(String[] args) throws Exception {
    List<Incident> incidents = SyntheticIncidents.of(2011).stream().toList();
    // The shipped open-data policy: k = 5 over every published field, withstanding a neighbour and
    // a victim.
    ReleasePolicy policy = ReleasePolicy.named("open-data");
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path out = Path.of(args.length > 0 ? args[0] : "release.geojson");
    try {
      PrivacyReport report =
          Release.of(policy).publish(incidents, ReleaseKey.of(secret), IncidentFormat.GEOJSON, out);
      System.out.printf(
          "published %d of %d incidents to %s; k = %d; median displacement %.0f m%n",
          report.recordsOut(),
          report.recordsIn(),
          out,
          report.kAchieved(),
          report.displacementMeters().median());
      report
          .checks()
          .forEach(c -> System.out.println("  " + (c.passed() ? "ok " : "FAILED ") + c.name()));
    } catch (ReleaseRefusedException e) {
      System.out.println("refused, nothing written: " + e.getMessage());
    }
    System.out.println("file exists: " + Files.exists(out));
  }
}
