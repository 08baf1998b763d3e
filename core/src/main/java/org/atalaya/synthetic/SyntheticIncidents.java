package org.atalaya.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
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
 * A seeded generator of realistic but <b>synthetic</b> incidents in Tegucigalpa (Distrito Central)
 * and San Pedro Sula, for demonstrations, tests and benchmarks.
 *
 * <p>None of these incidents happened. Each one says so three ways: its id starts with {@code
 * SYN-}, it carries the attribute {@code atalaya:synthetic = true} and a source reference to the
 * system {@code atalaya-synthetic}, and its narrative starts with {@code [SINTÉTICO]}. Hot spots
 * are placed at fictional "sectors" near each city centre, not at real neighbourhoods, so the data
 * cannot stigmatise a real place.
 *
 * <h2>What is modelled</h2>
 *
 * <ul>
 *   <li><b>Volume</b>: about {@value #BASE_PER_YEAR_TEGUCIGALPA} incidents a year in Tegucigalpa
 *       and {@value #BASE_PER_YEAR_SAN_PEDRO_SULA} in San Pedro Sula at scale 1, homicides falling
 *       about 8% a year (the national trend after 2012).
 *   <li><b>Categories</b>: a fixed mix of ICCS codes (robbery, assault, homicide, extortion,
 *       domestic and sexual violence, theft, drugs, kidnapping, trafficking...).
 *   <li><b>Space</b>: 60% of incidents fall in one of five hot spots per city (Gaussian, 350 m),
 *       the rest spread around the centre (Gaussian, 3.5 km).
 *   <li><b>Time</b>: December peak and a night peak; 80% known to the minute, 15% to the day, 5% an
 *       estimated window of one to three days.
 *   <li><b>Victims</b>: one per homicide (some with two or three), mostly young men; sexual
 *       violence mostly against women and girls (minors flagged); domestic violence against
 *       partners.
 *   <li><b>Case histories</b>: a funnel in which few cases reach court and fewer a verdict, in the
 *       spirit of the impunity the Alianza por la Paz y la Justicia measures (over 90% for
 *       homicides).
 * </ul>
 *
 * <p>The same seed and parameters give the same incidents in the same order on every JVM. Not
 * thread-safe; each {@link #iterator()} is independent.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SyntheticIncidents implements Iterable<Incident> {

  /** Incidents a year in Tegucigalpa at scale 1. */
  public static final int BASE_PER_YEAR_TEGUCIGALPA = 1500;

  /** Incidents a year in San Pedro Sula at scale 1. */
  public static final int BASE_PER_YEAR_SAN_PEDRO_SULA = 1300;

  /** The attribute every synthetic incident carries. */
  public static final String SYNTHETIC_ATTRIBUTE = "atalaya:synthetic";

  /**
   * The day the synthetic data set was "extracted": no report or case step is later, whatever the
   * day the generator runs, so the output depends only on the seed and the parameters.
   */
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static final OffsetDateTime AS_OF_END =
      AS_OF.atStartOfDay().atOffset(TimeWindow.HONDURAS);

  private static final double METRES_PER_DEGREE = 111_320.0;

  private record City(
      String name,
      String department,
      String municipality,
      double lat,
      double lon,
      double[][] hotSpots) {}

  private static final List<City> CITIES =
      List.of(
          new City(
              "Tegucigalpa",
              "08",
              "0801",
              14.0818,
              -87.2068,
              new double[][] {
                {1200, -800}, {-2500, 1500}, {3000, 2600}, {-600, -3100}, {2200, -2600}
              }),
          new City(
              "San Pedro Sula",
              "05",
              "0501",
              15.5042,
              -88.0250,
              new double[][] {
                {1500, 900}, {-2000, -1200}, {2800, -2300}, {-3000, 2000}, {400, 3200}
              }));

  /** ICCS code, weight, and whether it is a homicide-like violent death. */
  private record Category(String code, String label, double weight) {}

  private static final List<Category> MIX =
      List.of(
          new Category("0401", "Robo", 20),
          new Category("02011", "Lesiones", 13),
          new Category("0101", "Homicidio", 12),
          new Category("02051", "Extorsión", 10),
          new Category("0201", "Violencia doméstica", 8),
          new Category("0502", "Hurto", 8),
          new Category("0501", "Robo a vivienda", 5),
          new Category("02012", "Amenazas", 6),
          new Category("03011", "Violación", 4),
          new Category("0102", "Tentativa de homicidio", 4),
          new Category("05021", "Hurto de vehículo", 3),
          new Category("0601", "Tráfico de drogas", 4),
          new Category("020221", "Secuestro", 1),
          new Category("0204", "Trata de personas", 0.5));

  private static final String[] SECTORS = {
    "Sector Norte", "Sector Sur", "Sector Este", "Sector Oeste", "Sector Centro"
  };

  private final long seed;
  private final int startYear;
  private final int years;
  private final double scale;

  private SyntheticIncidents(long seed, int startYear, int years, double scale) {
    this.seed = seed;
    this.startYear = startYear;
    this.years = years;
    this.scale = scale;
  }

  /**
   * Returns a generator for 2023 to 2025 at scale 1 (about 8,400 incidents).
   *
   * @param seed the seed; the same seed gives the same incidents
   * @return the generator
   */
  public static SyntheticIncidents of(long seed) {
    return of(seed, 2023, 3, 1.0);
  }

  /**
   * Returns a generator.
   *
   * @param seed the seed
   * @param startYear the first year, 2000 to 2025
   * @param years how many years, 1 to 20; must end before 2026 so no date is in the future
   * @param scale a multiplier of the yearly volume, more than 0 (use a large scale for benchmarks)
   * @return the generator
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static SyntheticIncidents of(long seed, int startYear, int years, double scale) {
    checkArgument(
        startYear >= 2000 && startYear <= 2025,
        "startYear (%s) must be from 2000 to 2025",
        startYear);
    checkArgument(years >= 1 && years <= 20, "years (%s) must be from 1 to 20", years);
    checkArgument(
        startYear + years <= 2026,
        "the last year (%s) must be 2025 or earlier",
        startYear + years - 1);
    checkArgument(
        scale > 0 && scale <= 10_000, "scale (%s) must be more than 0 and at most 10000", scale);
    return new SyntheticIncidents(seed, startYear, years, scale);
  }

  /**
   * Returns how many incidents {@link #iterator()} yields.
   *
   * @return the count
   */
  public long size() {
    long n = 0;
    for (int y = 0; y < years; y++) {
      n += perYear(BASE_PER_YEAR_TEGUCIGALPA) + perYear(BASE_PER_YEAR_SAN_PEDRO_SULA);
    }
    return n;
  }

  private long perYear(int base) {
    return Math.round(base * scale);
  }

  /**
   * Returns the incidents as a sequential stream.
   *
   * @return the stream; never {@code null}
   */
  public Stream<Incident> stream() {
    return StreamSupport.stream(
        Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Returns a new iterator over the incidents, ordered by city, then year, then sequence; each
   * iterator starts from the seed, so all iterators yield the same incidents.
   */
  @Override
  public Iterator<Incident> iterator() {
    return new Iterator<>() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private int city;
      private int year;
      private long index;

      @Override
      public boolean hasNext() {
        return city < CITIES.size();
      }

      @Override
      public Incident next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more synthetic incidents");
        }
        City c = CITIES.get(city);
        Incident incident = generate(random, c, startYear + year, index);
        index++;
        long limit = perYear(city == 0 ? BASE_PER_YEAR_TEGUCIGALPA : BASE_PER_YEAR_SAN_PEDRO_SULA);
        if (index >= limit) {
          index = 0;
          year++;
          if (year >= years) {
            year = 0;
            city++;
          }
        }
        return incident;
      }
    };
  }

  private Incident generate(SplittableRandom r, City c, int year, long index) {
    Category cat = pickCategory(r, year);
    IccsCode code = IccsCode.of(cat.code());
    boolean homicide = code.isWithin(IccsCode.of("0101"));
    String id = String.format("SYN-%s-%d-%06d", c.municipality(), year, index + 1);

    // Time: month with a December peak, hour with a night peak for violent crime.
    int month = pickMonth(r);
    YearMonth ym = YearMonth.of(year, month);
    int day = 1 + r.nextInt(ym.lengthOfMonth());
    int hour = homicide || r.nextDouble() < 0.4 ? nightHour(r) : 6 + r.nextInt(16);
    OffsetDateTime at =
        LocalDate.of(year, month, day).atTime(hour, r.nextInt(60)).atOffset(TimeWindow.HONDURAS);
    double p = r.nextDouble();
    TimeWindow window;
    if (p < 0.80) {
      window = TimeWindow.instant(at);
    } else if (p < 0.95) {
      window = TimeWindow.day(at.toLocalDate(), TimeWindow.HONDURAS);
    } else {
      OffsetDateTime from = at.toLocalDate().atStartOfDay().atOffset(TimeWindow.HONDURAS);
      window =
          TimeWindow.between(from, from.plusDays(1 + r.nextInt(3)), TimePrecision.UNKNOWN)
              .withEstimated(true);
    }
    OffsetDateTime reported = window.to().plusHours(r.nextInt(72));
    if (reported.isAfter(AS_OF_END)) {
      reported = window.to();
    }

    // Place: a hot spot or the diffuse background.
    boolean hot = r.nextDouble() < 0.6;
    int spot = r.nextInt(c.hotSpots().length);
    double sd = hot ? 350 : 3500;
    double east = (hot ? c.hotSpots()[spot][0] : 0) + r.nextGaussian() * sd;
    double north = (hot ? c.hotSpots()[spot][1] : 0) + r.nextGaussian() * sd;
    double lat = c.lat() + north / METRES_PER_DEGREE;
    double lon = c.lon() + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(c.lat())));
    SourceType source = pickSource(r);
    boolean gps = source == SourceType.CITIZEN || source == SourceType.HOTLINE;
    Location location =
        Location.builder()
            .point(LatLon.of(round6(lat), round6(lon)))
            .accuracyMetres(gps ? 5 + r.nextInt(45) : 50 + r.nextInt(150))
            .precision(gps ? LocationPrecision.EXACT : LocationPrecision.BLOCK)
            .admin(
                AdminArea.of(
                    c.department(),
                    c.municipality(),
                    SECTORS[hot ? spot : r.nextInt(SECTORS.length)] + " " + (1 + r.nextInt(4))))
            .build();

    Incident.Builder b =
        Incident.builder(id)
            .addSourceRef(SourceRef.of("atalaya-synthetic", id))
            .classification(
                new Classification(Optional.of(code), Optional.of(cat.label()), Map.of()))
            .occurred(window)
            .reportedAt(reported)
            .location(location)
            .source(source)
            .publication(
                r.nextDouble() < 0.85
                    ? PublicationState.PUBLISHED
                    : (r.nextBoolean() ? PublicationState.IN_REVIEW : PublicationState.DRAFT))
            .attribute(SYNTHETIC_ATTRIBUTE, "true");

    Mechanism mechanism = Mechanism.UNKNOWN;
    PlaceType place = r.nextDouble() < 0.6 ? PlaceType.PUBLIC_SPACE : PlaceType.RESIDENCE;
    boolean domestic = cat.code().equals("0201");
    if (homicide || cat.code().equals("0102")) {
      mechanism =
          r.nextDouble() < 0.72
              ? Mechanism.FIREARM
              : (r.nextBoolean() ? Mechanism.SHARP_OBJECT : Mechanism.BLUNT_OBJECT);
      int victims = r.nextDouble() < 0.08 ? 2 + r.nextInt(2) : 1;
      for (int i = 0; i < victims; i++) {
        int age = 15 + r.nextInt(35);
        b.addVictim(
            new Victim(
                r.nextDouble() < 0.9 ? Sex.MALE : Sex.FEMALE,
                OptionalInt.of(age),
                Optional.empty(),
                r.nextDouble() < 0.7 ? Relationship.UNKNOWN : Relationship.STRANGER,
                homicide ? VictimOutcome.KILLED : VictimOutcome.INJURED));
      }
    } else if (code.isWithin(IccsCode.of("03"))) {
      int age = 8 + r.nextInt(40);
      Victim v =
          new Victim(
              r.nextDouble() < 0.85 ? Sex.FEMALE : Sex.MALE,
              OptionalInt.empty(),
              Optional.of(
                  age < 18
                      ? AgeBand.of(age / 6 * 6, age / 6 * 6 + 5)
                      : AgeBand.of(age / 10 * 10, age / 10 * 10 + 9)),
              r.nextBoolean() ? Relationship.ACQUAINTANCE : Relationship.FAMILY_MEMBER,
              VictimOutcome.INJURED);
      b.addVictim(v);
      b.addSensitivity(SensitivityFlag.SEXUAL_VIOLENCE);
      if (v.isMinor()) {
        b.addSensitivity(SensitivityFlag.MINOR_VICTIM);
      }
      place = PlaceType.RESIDENCE;
    } else if (domestic) {
      b.addVictim(
          new Victim(
              r.nextDouble() < 0.8 ? Sex.FEMALE : Sex.MALE,
              OptionalInt.of(18 + r.nextInt(45)),
              Optional.empty(),
              Relationship.INTIMATE_PARTNER,
              VictimOutcome.INJURED));
      b.addSensitivity(SensitivityFlag.DOMESTIC_VIOLENCE);
      mechanism = Mechanism.PHYSICAL_FORCE;
      place = PlaceType.RESIDENCE;
    } else if (cat.code().equals("02011") || cat.code().equals("0401")) {
      if (r.nextDouble() < 0.5) {
        b.addVictim(
            new Victim(
                r.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                OptionalInt.of(16 + r.nextInt(50)),
                Optional.empty(),
                Relationship.STRANGER,
                r.nextDouble() < 0.3 ? VictimOutcome.INJURED : VictimOutcome.UNHARMED));
      }
      if (cat.code().equals("0401")) {
        place = r.nextDouble() < 0.3 ? PlaceType.PUBLIC_TRANSPORT : PlaceType.PUBLIC_SPACE;
        mechanism = r.nextDouble() < 0.4 ? Mechanism.FIREARM : Mechanism.SHARP_OBJECT;
      }
    } else if (cat.code().equals("02051")) {
      place = PlaceType.COMMERCIAL;
    }
    IncidentContext context =
        new IncidentContext(
            cat.code().equals("0102") ? Attempt.ATTEMPTED : Attempt.COMPLETED,
            mechanism,
            place,
            Optional.of(domestic),
            (homicide || cat.code().equals("02051")) && r.nextDouble() < 0.35
                ? Optional.of(true)
                : Optional.empty());
    b.context(context);
    b.caseHistory(history(r, window.to().toLocalDate(), homicide));
    b.narrative(
        "[SINTÉTICO] "
            + cat.label()
            + " en "
            + c.name()
            + ", "
            + location.admin().colonia().orElse("")
            + ".");
    return b.build();
  }

  private Category pickCategory(SplittableRandom r, int year) {
    double total = 0;
    for (Category c : MIX) {
      total += weight(c, year);
    }
    double x = r.nextDouble() * total;
    for (Category c : MIX) {
      x -= weight(c, year);
      if (x < 0) {
        return c;
      }
    }
    return MIX.get(0);
  }

  private double weight(Category c, int year) {
    return c.code().equals("0101") ? c.weight() * Math.pow(0.92, year - startYear) : c.weight();
  }

  private static int pickMonth(SplittableRandom r) {
    while (true) {
      int m = 1 + r.nextInt(12);
      double w = 1 + 0.18 * Math.cos(2 * Math.PI * (m - 12) / 12.0);
      if (r.nextDouble() * 1.18 < w) {
        return m;
      }
    }
  }

  private static int nightHour(SplittableRandom r) {
    int h = 18 + r.nextInt(10);
    return h % 24;
  }

  private static SourceType pickSource(SplittableRandom r) {
    double p = r.nextDouble();
    return p < 0.6
        ? SourceType.POLICE
        : p < 0.8 ? SourceType.CITIZEN : p < 0.9 ? SourceType.MEDIA : SourceType.HOTLINE;
  }

  private static CaseHistory history(SplittableRandom r, LocalDate start, boolean homicide) {
    LocalDate d = start.plusDays(r.nextInt(3));
    CaseHistory h = CaseHistory.EMPTY.then(CaseStatus.REPORTED, d);
    LocalDate today = AS_OF;
    double investigated = homicide ? 0.75 : 0.45;
    if (r.nextDouble() >= investigated) {
      return h;
    }
    d = d.plusDays(1 + r.nextInt(30));
    if (d.isAfter(today)) {
      return h;
    }
    h = h.then(CaseStatus.UNDER_INVESTIGATION, d);
    if (r.nextDouble() < 0.35) {
      d = d.plusDays(30 + r.nextInt(300));
      return d.isAfter(today) ? h : h.then(CaseStatus.ARCHIVED, d);
    }
    if (r.nextDouble() >= 0.4) {
      return h;
    }
    d = d.plusDays(10 + r.nextInt(120));
    if (d.isAfter(today)) {
      return h;
    }
    h = h.then(CaseStatus.SUSPECT_IDENTIFIED, d);
    if (r.nextDouble() >= 0.45) {
      return h;
    }
    d = d.plusDays(10 + r.nextInt(200));
    if (d.isAfter(today)) {
      return h;
    }
    h = h.then(CaseStatus.CHARGED, d);
    if (r.nextDouble() >= 0.6) {
      return h;
    }
    d = d.plusDays(90 + r.nextInt(500));
    if (d.isAfter(today)) {
      return h;
    }
    double v = r.nextDouble();
    return h.then(
        v < 0.55 ? CaseStatus.CONVICTED : v < 0.8 ? CaseStatus.ACQUITTED : CaseStatus.DISMISSED, d);
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
