package org.atalaya.incident;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.taxonomy.IccsCode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid incidents that stress the formats: Spanish text, emoji,
 * quotes, delimiters, line breaks and formula-like text in every free-text field, missing
 * locations and times, all precisions, and valid random case histories.
 */
public final class IncidentGenerators {
  private IncidentGenerators() {}

  private static final List<String> FRAGMENTS =
      List.of(
          "a", "Z", "7", "José", "Ñandú", "colonia Kennedy", "ü", "é", "😀", "🇭🇳", "中", "€", "\"", "'",
          ",", ";", "|", "/", "\n", "\r\n", "\t", " ", "=SUMA(A1)", "+504 9999-0000", "-", "@",
          "\\", "{\"k\":1}", "0801-1990-12345", "¿Qué pasó?", "«»", "null", "NaN", "  ");

  private static final List<ZoneOffset> OFFSETS =
      List.of(ZoneOffset.ofHours(-6), ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30));

  /** Non-blank text made of tricky fragments. */
  public static Gen<String> text() {
    Gen<String> part = Generate.pick(FRAGMENTS);
    Gen<Integer> count = integers().between(1, 6);
    return in -> {
      StringBuilder sb = new StringBuilder();
      int n = count.generate(in);
      for (int i = 0; i < n; i++) {
        sb.append(part.generate(in));
      }
      String s = sb.toString();
      return s.isBlank() ? "x" + s : s;
    };
  }

  /** Non-blank text on one line (ids, attribute names). */
  public static Gen<String> lineText() {
    return text().map(s -> s.replaceAll("[\\r\\n\\t]", "_")).map(s -> s.isBlank() ? "x" : s);
  }

  static Gen<OffsetDateTime> moments() {
    Gen<Long> seconds = longs().between(946_684_800L, 1_735_000_000L); // 2000 to end of 2024
    Gen<Integer> nanos = Generate.pick(List.of(0, 0, 500_000_000, 123_456_789));
    Gen<ZoneOffset> offsets = Generate.pick(OFFSETS);
    return in ->
        OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochSecond(seconds.generate(in), nanos.generate(in)),
                offsets.generate(in));
  }

  static Gen<TimeWindow> windows() {
    Gen<OffsetDateTime> m = moments();
    Gen<Integer> kind = integers().between(0, 4);
    Gen<Boolean> estimated = booleans().all();
    Gen<Long> span = longs().between(0, 86_400L * 30);
    return in -> {
      OffsetDateTime t = m.generate(in);
      TimeWindow w =
          switch (kind.generate(in)) {
            case 0 -> TimeWindow.instant(t);
            case 1 -> TimeWindow.day(t.toLocalDate(), t.getOffset());
            case 2 -> TimeWindow.month(YearMonth.from(t), t.getOffset());
            case 3 -> TimeWindow.year(Year.from(t), t.getOffset());
            default -> TimeWindow.between(t, t.plusSeconds(span.generate(in)), TimePrecision.UNKNOWN);
          };
      return w.withEstimated(estimated.generate(in));
    };
  }

  public static Gen<Location> locations() {
    Gen<Double> lat = doubles().between(13.0, 16.5);
    Gen<Double> lon = doubles().between(-89.3, -83.2);
    Gen<Integer> shape = integers().between(0, 3);
    Gen<LocationPrecision> precision = Generate.enumValues(LocationPrecision.class);
    Gen<Double> accuracy = doubles().between(0, 5000);
    Gen<Boolean> coin = booleans().all();
    Gen<String> txt = text();
    return in -> {
      Location.Builder b = Location.builder().precision(precision.generate(in));
      int s = shape.generate(in);
      if (s != 1) {
        b.point(LatLon.of(lat.generate(in), lon.generate(in)));
        if (coin.generate(in)) {
          b.accuracyMetres(accuracy.generate(in));
        }
      }
      if (s >= 1) {
        b.admin(
            AdminArea.of(
                coin.generate(in) ? "08" : null,
                "0801",
                coin.generate(in) ? txt.generate(in) : null));
      }
      if (s == 3 || coin.generate(in)) {
        b.address(txt.generate(in));
      }
      return b.build();
    };
  }

  static Gen<Victim> victims() {
    Gen<Sex> sex = Generate.enumValues(Sex.class);
    Gen<Integer> age = integers().between(0, 99);
    Gen<Integer> shape = integers().between(0, 3);
    Gen<Relationship> rel = Generate.enumValues(Relationship.class);
    Gen<VictimOutcome> out = Generate.enumValues(VictimOutcome.class);
    return in -> {
      int a = age.generate(in);
      int s = shape.generate(in);
      java.util.OptionalInt ageOpt = s == 0 || s == 2 ? java.util.OptionalInt.of(a) : java.util.OptionalInt.empty();
      java.util.Optional<AgeBand> band =
          s == 1 || s == 2
              ? java.util.Optional.of(a >= 65 ? AgeBand.atLeast(65) : AgeBand.of(a / 10 * 10, a / 10 * 10 + 9))
              : java.util.Optional.empty();
      return new Victim(sex.generate(in), ageOpt, band, rel.generate(in), out.generate(in));
    };
  }

  static Gen<CaseHistory> histories() {
    Gen<Integer> steps = integers().between(0, 5);
    Gen<CaseStatus> start = Generate.enumValues(CaseStatus.class);
    Gen<Integer> pick = integers().between(0, 10);
    Gen<Integer> gap = integers().between(0, 400);
    return in -> {
      int n = steps.generate(in);
      if (n == 0) {
        return CaseHistory.EMPTY;
      }
      LocalDate date = LocalDate.of(2015, 1, 1).plusDays(gap.generate(in) * 5L);
      CaseHistory h = CaseHistory.of(CaseEvent.of(start.generate(in), date));
      for (int i = 1; i < n; i++) {
        List<CaseStatus> next = new ArrayList<>(h.current().orElseThrow().successors());
        if (next.isEmpty()) {
          break;
        }
        next.sort(null);
        date = date.plusDays(gap.generate(in));
        h = h.then(next.get(pick.generate(in) % next.size()), date);
      }
      return h;
    };
  }

  /** Valid incidents with every part exercised, including absent parts. */
  public static Gen<Incident> incidents() {
    Gen<String> id = lineText();
    Gen<String> txt = text();
    Gen<String> line = lineText();
    Gen<Boolean> coin = booleans().all();
    Gen<Integer> small = integers().between(0, 3);
    Gen<String> iccs = Generate.pick(List.of("0101", "0102", "02051", "020221", "0301", "03011", "0401", "0502", "05021", "0601", "07", "0703"));
    Gen<TimeWindow> window = windows();
    Gen<OffsetDateTime> moment = moments();
    Gen<Location> location = locations();
    Gen<Victim> victim = victims();
    Gen<CaseHistory> history = histories();
    Gen<Attempt> attempt = Generate.enumValues(Attempt.class);
    Gen<Mechanism> mechanism = Generate.enumValues(Mechanism.class);
    Gen<PlaceType> place = Generate.enumValues(PlaceType.class);
    Gen<PublicationState> publication = Generate.enumValues(PublicationState.class);
    Gen<SourceType> source = Generate.enumValues(SourceType.class);
    Gen<SensitivityFlag> flag = Generate.enumValues(SensitivityFlag.class);
    return in -> {
      Incident.Builder b = Incident.builder(id.generate(in));
      for (int i = small.generate(in); i > 0; i--) {
        b.addSourceRef(
            coin.generate(in)
                ? SourceRef.of(line.generate(in), line.generate(in))
                : SourceRef.of(line.generate(in), line.generate(in), "https://example.org/" + i));
      }
      Map<String, String> codes = new TreeMap<>();
      if (coin.generate(in)) {
        codes.put("hn-cp", line.generate(in));
      }
      b.classification(
          new Classification(
              coin.generate(in) ? java.util.Optional.of(IccsCode.of(iccs.generate(in))) : java.util.Optional.empty(),
              coin.generate(in) ? java.util.Optional.of(txt.generate(in)) : java.util.Optional.empty(),
              codes));
      if (small.generate(in) > 0) {
        TimeWindow w = window.generate(in);
        b.occurred(w);
        if (coin.generate(in)) {
          b.reportedAt(w.to().plusHours(small.generate(in)));
        }
      } else if (coin.generate(in)) {
        b.reportedAt(moment.generate(in));
      }
      if (small.generate(in) > 0) {
        b.location(location.generate(in));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.addVictim(victim.generate(in));
      }
      IncidentContext c =
          new IncidentContext(
              attempt.generate(in),
              mechanism.generate(in),
              place.generate(in),
              coin.generate(in) ? java.util.Optional.of(coin.generate(in)) : java.util.Optional.empty(),
              coin.generate(in) ? java.util.Optional.of(coin.generate(in)) : java.util.Optional.empty());
      b.context(coin.generate(in) ? c : IncidentContext.UNKNOWN);
      b.caseHistory(history.generate(in));
      b.publication(publication.generate(in));
      b.source(source.generate(in));
      if (coin.generate(in)) {
        b.narrative(txt.generate(in));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.addSensitivity(flag.generate(in));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.attribute("src:" + line.generate(in), coin.generate(in) ? "" : txt.generate(in));
      }
      return b.build();
    };
  }

  /** Lists of incidents with distinct ids. */
  public static Gen<List<Incident>> incidentLists() {
    Gen<Incident> one = incidents();
    Gen<Integer> size = integers().between(1, 6);
    return in -> {
      List<Incident> out = new ArrayList<>();
      int n = size.generate(in);
      for (int i = 0; i < n; i++) {
        Incident x = one.generate(in);
        out.add(x.toBuilder().id(i + "-" + x.id()).build());
      }
      return out;
    };
  }
}
