package org.atalaya.synthetic;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Sex;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;

/**
 * Valid but hostile incidents that stress readers, writers and release steps: Spanish text, emoji,
 * quotes, delimiters, line breaks and formula-like text in every free-text field; three UTC
 * offsets; instants, days, months, years and uncertain windows, some estimated; missing locations,
 * times and victims; every precision; valid random case histories; namespaced attributes.
 *
 * <p>Every choice is drawn from a {@link RandomDraws}, so the same logic serves core's tests, the
 * test kit's QuickTheories generators (which shrink each draw) and any {@code java.util.random}
 * generator ({@code HostileIncidents.incident(RandomDraws.of(new SplittableRandom(7)))}). Unlike
 * {@link SyntheticIncidents} these incidents are not realistic and not labelled synthetic: they are
 * for tests, never for demonstrations. Stateless and thread-safe; the draws need not be.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HostileIncidents {

  private static final List<String> FRAGMENTS =
      List.of(
          "a",
          "Z",
          "7",
          "José",
          "Ñandú",
          "colonia Kennedy",
          "ü",
          "é",
          "😀",
          "🇭🇳",
          "中",
          "€",
          "\"",
          "'",
          ",",
          ";",
          "|",
          "/",
          "\n",
          "\r\n",
          "\t",
          " ",
          "=SUMA(A1)",
          "+504 9999-0000",
          "-",
          "@",
          "\\",
          "{\"k\":1}",
          "0801-1990-12345",
          "¿Qué pasó?",
          "«»",
          "null",
          "NaN",
          "  ");

  private static final List<ZoneOffset> OFFSETS =
      List.of(ZoneOffset.ofHours(-6), ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30));

  private static final List<Integer> NANOS = List.of(0, 0, 500_000_000, 123_456_789);

  private static final List<String> ICCS =
      List.of(
          "0101", "0102", "02051", "020221", "0301", "03011", "0401", "0502", "05021", "0601", "07",
          "0703");

  private HostileIncidents() {}

  /**
   * Draws non-blank text made of one to six tricky fragments (accents, emoji, quotes, delimiters,
   * line breaks, formula-like text).
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the text; never {@code null} or blank
   */
  public static String text(RandomDraws draws) {
    checkNotNull(draws, "draws must not be null");
    StringBuilder sb = new StringBuilder();
    for (int n = draws.between(1, 6); n > 0; n--) {
      sb.append(draws.pick(FRAGMENTS));
    }
    String s = sb.toString();
    return s.isBlank() ? "x" + s : s;
  }

  /**
   * Draws non-blank text on one line, as ids and attribute names need: {@link #text} with line
   * breaks and tabs replaced by {@code _}.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the text; never {@code null} or blank
   */
  public static String lineText(RandomDraws draws) {
    String s = text(draws).replaceAll("[\\r\\n\\t]", "_");
    return s.isBlank() ? "x" : s;
  }

  /**
   * Draws a moment from 2000 to 2024 at UTC-6, UTC or UTC+5:30, with or without nanoseconds.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the moment; never {@code null}
   */
  public static OffsetDateTime moment(RandomDraws draws) {
    long seconds = draws.between(946_684_800L, 1_735_000_000L);
    int nanos = draws.pick(NANOS);
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), draws.pick(OFFSETS));
  }

  /**
   * Draws a time window: an instant, a day, a month, a year, or an uncertain window of up to 30
   * days; half of them estimated.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the window; never {@code null}
   */
  public static TimeWindow window(RandomDraws draws) {
    OffsetDateTime t = moment(draws);
    TimeWindow w =
        switch (draws.between(0, 4)) {
          case 0 -> TimeWindow.instant(t);
          case 1 -> TimeWindow.day(t.toLocalDate(), t.getOffset());
          case 2 -> TimeWindow.month(YearMonth.from(t), t.getOffset());
          case 3 -> TimeWindow.year(Year.from(t), t.getOffset());
          default ->
              TimeWindow.between(
                  t, t.plusSeconds(draws.between(0L, 86_400L * 30)), TimePrecision.UNKNOWN);
        };
    return w.withEstimated(draws.coin());
  }

  /**
   * Draws a location in and around Honduras: a point (with or without accuracy), an admin area of
   * municipality 0801, an address, or a combination; every precision.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the location; never {@code null}
   */
  public static Location location(RandomDraws draws) {
    Location.Builder b = Location.builder().precision(draws.pick(LocationPrecision.class));
    int shape = draws.between(0, 3);
    if (shape != 1) {
      double lat = draws.between(13.0, 16.5);
      b.point(LatLon.of(lat, draws.between(-89.3, -83.2)));
      if (draws.coin()) {
        b.accuracyMetres(draws.between(0.0, 5000.0));
      }
    }
    if (shape >= 1) {
      String department = draws.coin() ? "08" : null;
      b.admin(AdminArea.of(department, "0801", draws.coin() ? text(draws) : null));
    }
    if (shape == 3 || draws.coin()) {
      b.address(text(draws));
    }
    return b.build();
  }

  /**
   * Draws a victim of any sex, relationship and outcome, with an exact age, an age band, both
   * (consistent) or neither.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the victim; never {@code null}
   */
  public static Victim victim(RandomDraws draws) {
    int age = draws.between(0, 99);
    int shape = draws.between(0, 3);
    OptionalInt exact = shape == 0 || shape == 2 ? OptionalInt.of(age) : OptionalInt.empty();
    Optional<AgeBand> band =
        shape == 1 || shape == 2
            ? Optional.of(
                age >= 65 ? AgeBand.atLeast(65) : AgeBand.of(age / 10 * 10, age / 10 * 10 + 9))
            : Optional.empty();
    Sex sex = draws.pick(Sex.class);
    Relationship relationship = draws.pick(Relationship.class);
    return new Victim(sex, exact, band, relationship, draws.pick(VictimOutcome.class));
  }

  /**
   * Draws a valid case history of up to five events (or none), each a permitted successor of the
   * one before, dated from 2015 on.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the history; never {@code null}, possibly {@link CaseHistory#EMPTY}
   */
  public static CaseHistory caseHistory(RandomDraws draws) {
    int steps = draws.between(0, 5);
    if (steps == 0) {
      return CaseHistory.EMPTY;
    }
    LocalDate date = LocalDate.of(2015, 1, 1).plusDays(draws.between(0, 400) * 5L);
    CaseHistory h = CaseHistory.of(CaseEvent.of(draws.pick(CaseStatus.class), date));
    for (int i = 1; i < steps; i++) {
      List<CaseStatus> next = new ArrayList<>(h.current().orElseThrow().successors());
      if (next.isEmpty()) {
        break;
      }
      next.sort(null);
      date = date.plusDays(draws.between(0, 400));
      h = h.then(next.get(draws.between(0, 10) % next.size()), date);
    }
    return h;
  }

  /**
   * Draws up to three unmodelled attributes under the {@code src:} namespace, with hostile names
   * and hostile or empty values.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the attributes in the order drawn; never {@code null}, possibly empty
   */
  public static Map<String, String> attributes(RandomDraws draws) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = draws.between(0, 3); i > 0; i--) {
      String key = "src:" + lineText(draws);
      attributes.put(key, draws.coin() ? "" : text(draws));
    }
    return attributes;
  }

  /**
   * Draws a valid incident with every part exercised, each possibly absent: source references,
   * classification, time window and report time, location, victims, context, case history,
   * publication state, source type, narrative, sensitivity flags and attributes.
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the incident; never {@code null}
   */
  public static Incident incident(RandomDraws draws) {
    Incident.Builder b = Incident.builder(lineText(draws));
    for (int i = draws.between(0, 3); i > 0; i--) {
      boolean withoutUrl = draws.coin();
      String system = lineText(draws);
      String id = lineText(draws);
      b.addSourceRef(
          withoutUrl
              ? SourceRef.of(system, id)
              : SourceRef.of(system, id, "https://example.org/" + i));
    }
    b.classification(classification(draws));
    if (draws.between(0, 3) > 0) {
      TimeWindow w = window(draws);
      b.occurred(w);
      if (draws.coin()) {
        b.reportedAt(w.to().plusHours(draws.between(0, 3)));
      }
    } else if (draws.coin()) {
      b.reportedAt(moment(draws));
    }
    if (draws.between(0, 3) > 0) {
      b.location(location(draws));
    }
    for (int i = draws.between(0, 3); i > 0; i--) {
      b.addVictim(victim(draws));
    }
    IncidentContext context = context(draws);
    b.context(draws.coin() ? context : IncidentContext.UNKNOWN);
    b.caseHistory(caseHistory(draws));
    b.publication(draws.pick(PublicationState.class));
    b.source(draws.pick(SourceType.class));
    if (draws.coin()) {
      b.narrative(text(draws));
    }
    for (int i = draws.between(0, 3); i > 0; i--) {
      b.addSensitivity(draws.pick(SensitivityFlag.class));
    }
    attributes(draws).forEach(b::attribute);
    return b.build();
  }

  /**
   * Draws one to six incidents with distinct ids (each drawn id prefixed by its position).
   *
   * @param draws where every choice comes from; never {@code null}
   * @return the incidents; never {@code null} or empty
   */
  public static List<Incident> incidentList(RandomDraws draws) {
    List<Incident> out = new ArrayList<>();
    int n = draws.between(1, 6);
    for (int i = 0; i < n; i++) {
      Incident x = incident(draws);
      out.add(x.toBuilder().id(i + "-" + x.id()).build());
    }
    return out;
  }

  private static Classification classification(RandomDraws draws) {
    Map<String, String> codes = new TreeMap<>();
    if (draws.coin()) {
      codes.put("hn-cp", lineText(draws));
    }
    Optional<IccsCode> iccs =
        draws.coin() ? Optional.of(IccsCode.of(draws.pick(ICCS))) : Optional.empty();
    Optional<String> label = draws.coin() ? Optional.of(text(draws)) : Optional.empty();
    return new Classification(iccs, label, codes);
  }

  private static IncidentContext context(RandomDraws draws) {
    Attempt attempt = draws.pick(Attempt.class);
    Mechanism mechanism = draws.pick(Mechanism.class);
    PlaceType place = draws.pick(PlaceType.class);
    Optional<Boolean> domestic = draws.coin() ? Optional.of(draws.coin()) : Optional.empty();
    Optional<Boolean> organised = draws.coin() ? Optional.of(draws.coin()) : Optional.empty();
    return new IncidentContext(attempt, mechanism, place, domestic, organised);
  }
}
