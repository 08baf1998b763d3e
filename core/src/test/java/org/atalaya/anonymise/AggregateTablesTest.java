package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimeWindow;
import org.atalaya.io.IncidentFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Aggregate tables of a release: the policy schema, the counts, the protection and its checks. */
class AggregateTablesTest {
  @TempDir Path dir;

  static ReleasePolicy parse(String json) throws IOException {
    return ReleasePolicy.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        null,
        List.of(new CoreSteps()));
  }

  static Incident incident(
      String id, String department, String municipality, YearMonth month, String iccs) {
    Incident.Builder b =
        Incident.builder(id).iccs(iccs).occurred(TimeWindow.month(month, TimeWindow.HONDURAS));
    if (department != null) {
      b.location(Location.builder().admin(AdminArea.of(department, municipality, null)).build());
    }
    return b.build();
  }

  static List<Incident> times(int n, String municipality, YearMonth month) {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          incident(
              municipality + "-" + month + "-" + i,
              municipality.substring(0, 2),
              municipality,
              month,
              "0101"));
    }
    return out;
  }

  static String resource(String name) {
    try (var in = AggregateTablesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final YearMonth JAN = YearMonth.of(2024, 1);
  static final YearMonth FEB = YearMonth.of(2024, 2);

  @Test
  void aPolicyDeclaresSmallCellAndDpTables() throws IOException {
    ReleasePolicy p =
        parse(
            """
            {"name": "stats", "epsilonBudget": 1, "publishRecords": false, "pseudonymiseIds": false,
             "tables": [
               {"name": "by-area-month", "rows": "location:municipality", "columns": "time:month", "smallCells": {"threshold": 5}},
               {"name": "dp-by-category", "rows": "category:1", "columns": {"by": "time:year", "values": ["2023", "2024"]},
                "dp": {"epsilon": 0.5, "maxIncidentsPerPerson": 2, "person": "attribute:src:victim-dni"}},
               {"name": "dp-by-department", "rows": {"by": "location:department", "values": ["08", "05"]}, "dp": {"epsilon": 0.5}}]}
            """);
    assertThat(p.publishRecords()).isFalse();
    assertThat(p.tables())
        .extracting(TableSpec::name)
        .containsExactly("by-area-month", "dp-by-category", "dp-by-department");
    TableSpec small = p.tables().get(0);
    assertThat(small.kind()).isEqualTo(TableSpec.Kind.SMALL_CELLS);
    assertThat(small.threshold()).isEqualTo(5);
    assertThat(small.rows())
        .isEqualTo(new TableDimension(QuasiIdentifier.LOCATION, "municipality", List.of()));
    assertThat(small.columns())
        .contains(new TableDimension(QuasiIdentifier.TIME, "month", List.of()));
    TableSpec dp = p.tables().get(1);
    assertThat(dp.kind()).isEqualTo(TableSpec.Kind.DP);
    assertThat(dp.epsilon()).isEqualTo(0.5);
    assertThat(dp.maxIncidentsPerPerson()).isEqualTo(2);
    assertThat(dp.personAttribute()).contains("src:victim-dni");
    assertThat(dp.columns().orElseThrow().values()).containsExactly("2023", "2024");
    // ICCS level 1 without values: the eleven sections of the catalogue, then unknown and other.
    assertThat(TableSpec.declaredLabels(dp.rows()))
        .hasSize(13)
        .startsWith("01", "02")
        .endsWith("11", "unknown", "other");
    TableSpec oneWay = p.tables().get(2);
    assertThat(oneWay.columns()).isEmpty();
    assertThat(oneWay.maxIncidentsPerPerson()).isEqualTo(1);
    assertThat(oneWay.personAttribute()).isEmpty();
    assertThat(parse("{\"name\": \"plain\"}").tables()).isEmpty();
    assertThat(parse("{\"name\": \"plain\"}").publishRecords()).isTrue();
  }

  static Stream<Arguments> badPolicies() {
    String small = "\"smallCells\": {\"threshold\": 5}";
    return Stream.of(
        Arguments.of(
            "{\"tables\": {\"name\": \"t\"}}",
            "tables ({\"name\":\"t\"}) must be a list of tables"),
        Arguments.of(
            "{\"tables\": [{\"rows\": \"time:month\", " + small + "}]}", "tables[0] needs a name"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"By Area\", \"rows\": \"time:month\", " + small + "}]}",
            "tables[0]: table name (By Area) must be lowercase letters"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"colums\": \"category:1\", "
                + small
                + "}]}",
            "table t: unknown field colums; the fields are [columns, dp, name, rows, smallCells]"),
        Arguments.of("{\"tables\": [{\"name\": \"t\", " + small + "}]}", "table t needs rows"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"location:street\", " + small + "}]}",
            "table t: rows: location:street has no such level; use [location:department,"
                + " location:municipality]"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time\", " + small + "}]}",
            "table t: rows: time must be a quasi-identifier and a level"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"place:city\", " + small + "}]}",
            "table t: rows: place:city: place is not location, time or category"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"victim-sex:all\", " + small + "}]}",
            "table t: rows: victim-sex is not a table dimension"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"columns\": \"time:year\", "
                + small
                + "}]}",
            "table t: rows (time:month) and columns (time:year) must count by different"
                + " quasi-identifiers"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": {\"by\": \"time:month\", \"values\":"
                + " [\"2024-3\"]}, "
                + small
                + "}]}",
            "table t: rows: value 2024-3 of time:month must be a month such as 2024-03"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": {\"by\": \"category:2\", \"values\":"
                + " [\"01\"]}, "
                + small
                + "}]}",
            "table t: rows: value 01 of category:2 must be an ICCS code of level 2"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": {\"by\": \"location:department\","
                + " \"values\": [\"other\"]}, "
                + small
                + "}]}",
            "table t: rows: value other of location:department is reserved"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": {\"by\": \"location:department\", \"value\":"
                + " [\"08\"]}, "
                + small
                + "}]}",
            "table t: rows: unknown field value; the fields are [by, values]"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\"}]}",
            "table t needs exactly one of smallCells and dp"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\", "
                + small
                + ", \"dp\": {\"epsilon\": 0.5}}]}",
            "table t needs exactly one of smallCells and dp"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\":"
                + " {\"threshold\": 1}}]}",
            "table t: smallCells.threshold (1) must be a whole number, at least 2"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\":"
                + " {\"threshold\": 2.5}}]}",
            "table t: smallCells.threshold (2.5) must be a whole number, at least 2"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\": {}}]}",
            "table t: smallCells.threshold (null) must be a whole number, at least 2"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\":"
                + " {\"threshold\": 5, \"k\": 2}}]}",
            "table t: smallCells: unknown field k; the fields are [threshold]"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0}}]}",
            "table t: dp.epsilon (0) must be a number more than 0"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": -0.5}}]}",
            "table t: dp.epsilon (-0.5) must be a number more than 0"),
        Arguments.of(
            "{\"epsilonBudget\": 0.2, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0.5}}]}",
            "table t: dp.epsilon (0.5) is more than the policy's epsilonBudget (0.2)"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"category:1\", \"dp\": {\"epsilon\":"
                + " 0.5}}]}",
            "table t: dp.epsilon (0.5) is more than the policy's epsilonBudget (0.0)"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0.5, \"maxIncidentsPerPerson\": 0}}]}",
            "table t: dp.maxIncidentsPerPerson (0) must be a whole number, at least 1"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0.5, \"person\": \"victim\"}}]}",
            "table t: dp.person (\"victim\") must be \"incident\" or \"attribute:KEY\""),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0.5, \"person\": \"attribute:dni\"}}]}",
            "table t: dp.person attribute (dni) must be an attribute key, namespace:name"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\": \"category:1\","
                + " \"dp\": {\"epsilon\": 0.5, \"sensitivity\": 1}}]}",
            "table t: dp: unknown field sensitivity; the fields are [epsilon,"
                + " maxIncidentsPerPerson, person]"),
        Arguments.of(
            "{\"epsilonBudget\": 1, \"tables\": [{\"name\": \"t\", \"rows\":"
                + " \"location:department\", \"dp\": {\"epsilon\": 0.5}}]}",
            "table t: rows (location:department) of a dp table must declare its values"),
        Arguments.of(
            "{\"tables\": [{\"name\": \"t\", \"rows\": \"time:month\", "
                + small
                + "}, {\"name\": \"t\", \"rows\": \"time:year\", "
                + small
                + "}]}",
            "table t: the name is used twice"),
        Arguments.of(
            "{\"publishRecords\": false}",
            "publishRecords is false and there are no tables: the release would publish nothing"),
        Arguments.of(
            "{\"publishRecords\": \"no\"}", "publishRecords (\"no\") must be true or false"));
  }

  @ParameterizedTest
  @MethodSource("badPolicies")
  void aBadTableIsAPolicyErrorNamingTheTableAndTheField(String json, String message) {
    String policy = json.replaceFirst("\\{", "{\"name\": \"bad\", ");
    assertThatThrownBy(() -> parse(policy))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY))
        .hasMessageStartingWith("ATL-ANON-007 invalid policy: ")
        .hasMessageContaining(message);
  }

  @Test
  void aSmallCellTableHidesSmallCountsAndWhatWouldGiveThemAway() {
    List<Incident> in = new ArrayList<>();
    in.addAll(times(7, "0801", JAN));
    in.addAll(times(6, "0801", FEB));
    in.addAll(times(2, "0501", JAN));
    in.addAll(times(9, "0501", FEB));
    in.addAll(times(5, "0301", JAN));
    TableSpec spec =
        TableSpec.builder("by-area-month")
            .rows(TableDimension.parse("location:municipality"))
            .columns(TableDimension.parse("time:month"))
            .smallCells(5)
            .build();
    ReleaseResult r =
        Release.of(
                ReleasePolicy.builder("t")
                    .pseudonymiseIds(false)
                    .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                    .table(spec)
                    .build())
            .run(in, null, new SplittableRandom(1));
    AggregateTable t = r.tables().get(0);
    // 0501/January (2) is small; its row and column each need a second hidden cell, and February's
    // column then needs one too: the smallest cell that brings the hidden sum to 5. The guide
    // (sdk-docs/anonymisation.md) quotes this file.
    assertThat(t.toCsv()).isEqualTo(resource("by-area-month.csv"));
    assertThat(t.summary())
        .isEqualTo(new PrivacyReport.Table("by-area-month", "small-cells", 6, 1, 3, 0));
    assertThat(r.report().tables()).containsExactly(t.summary());
    assertThat(r.report().checks())
        .filteredOn(c -> c.name().equals("table by-area-month"))
        .singleElement()
        .satisfies(c -> assertThat(c.passed()).as(c.detail()).isTrue());
    assertThat(r.report().epsilonSpent()).isZero();
  }

  @Test
  void declaredValuesArePublishedAndTheRestIsUnknownOrOther() {
    List<Incident> in = new ArrayList<>();
    in.addAll(times(4, "0801", JAN));
    in.addAll(times(3, "0501", JAN));
    in.add(incident("far", "03", "0301", JAN, "0101"));
    in.add(incident("nowhere-1", null, null, JAN, "0101"));
    in.add(incident("nowhere-2", null, null, JAN, "0101"));
    in.add(incident("no-such-place", "99", null, FEB, "0101"));
    TableSpec spec =
        TableSpec.builder("by-department")
            .rows(TableDimension.parse("location:department", List.of("08", "05", "06")))
            .smallCells(3)
            .build();
    AggregateTable t =
        AggregateTable.compute(
            spec, in, i -> i.id(), ReleaseContext.of(null, new SplittableRandom(1)));
    // 06 is declared, so published although empty; 03 and 99 are "other" (2), the two without a
    // location "unknown" (2): both small, and together 4, so nothing else needs hiding.
    assertThat(t.toCsv())
        .isEqualTo(
            """
            location:department,count
            08,4
            05,3
            06,0
            unknown,[c]
            other,[c]
            total,11
            """);
    assertThat(t.summary())
        .isEqualTo(new PrivacyReport.Table("by-department", "small-cells", 5, 2, 0, 0));
    assertThat(AggregateTable.check(spec, t.toCsv()).passed()).isTrue();
  }

  @Test
  void monthsAndYearsHoldTheWholeWindowAndCategoriesAreCut() {
    TableDimension month = TableDimension.parse("time:month");
    TableDimension year = TableDimension.parse("time:year");
    Incident march = incident("a", "08", "0801", YearMonth.of(2024, 3), "020221");
    Incident twoMonths =
        march.toBuilder()
            .occurred(
                TimeWindow.between(
                    march.occurred().orElseThrow().from(),
                    march.occurred().orElseThrow().to().plusDays(3),
                    org.atalaya.incident.TimePrecision.UNKNOWN))
            .build();
    assertThat(month.valueOf(march)).isEqualTo("2024-03");
    assertThat(year.valueOf(march)).isEqualTo("2024");
    assertThat(month.valueOf(twoMonths)).isEqualTo("unknown");
    assertThat(year.valueOf(twoMonths)).isEqualTo("2024");
    assertThat(TableDimension.parse("category:2").valueOf(march)).isEqualTo("0202");
    assertThat(TableDimension.parse("category:4").valueOf(march)).isEqualTo("020221");
    assertThat(TableDimension.parse("location:municipality").valueOf(march)).isEqualTo("0801");
    assertThat(TableDimension.parse("location:department", List.of("05")).labelOf(march))
        .isEqualTo("other");
  }

  @Test
  void aDpTableBoundsEachPersonAndPublishesTheDeclaredCellsOnly() {
    // Ten incidents of one person and one of another. At epsilon 50 every noise draw is 0 (a
    // geometric draw needs a uniform below e^-50, which no double draw gives), so the counts show
    // the bound at work.
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      in.add(
          incident("ana-" + i, "08", "0801", JAN, "0101").toBuilder()
              .attribute("src:victim-dni", "0801-1990-00001")
              .build());
    }
    in.add(
        incident("luis", "05", "0501", FEB, "0101").toBuilder()
            .attribute("src:victim-dni", "0501-1985-00002")
            .build());
    TableSpec spec =
        TableSpec.builder("dp-by-department")
            .rows(TableDimension.parse("location:department", List.of("08", "05", "01")))
            .differentialPrivacy(50, 1)
            .personAttribute("src:victim-dni")
            .build();
    ReleasePolicy policy =
        ReleasePolicy.builder("dp")
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
            .epsilonBudget(50)
            .step(Steps.keepFields(List.of()))
            .table(spec)
            .build();
    ReleaseResult r = Release.of(policy).run(in, null, new SplittableRandom(4));
    // The keep-list dropped the attribute from the output; the bound still used the input's.
    assertThat(r.incidents())
        .allSatisfy(i -> assertThat(i.attributes().values()).doesNotContainKey("src:victim-dni"));
    assertThat(r.tables().get(0).toCsv())
        .isEqualTo(
            """
            location:department,count,count:lower95,count:upper95
            08,1,1,1
            05,1,1,1
            01,0,0,0
            unknown,0,0,0
            other,0,0,0
            total,2,2,2
            """);
    assertThat(r.report().epsilonSpent()).isEqualTo(50);
    assertThat(r.report().tables())
        .containsExactly(new PrivacyReport.Table("dp-by-department", "dp", 5, 0, 0, 50));
    assertThat(r.report().passed()).isTrue();
  }

  @Test
  void overspendingRefusesTheWholeReleaseAndWritesNothing() throws IOException {
    TableSpec a =
        TableSpec.builder("dp-a")
            .rows(TableDimension.parse("category:1"))
            .differentialPrivacy(0.6, 1)
            .build();
    TableSpec b =
        TableSpec.builder("dp-b")
            .rows(TableDimension.parse("category:2"))
            .differentialPrivacy(0.6, 1)
            .build();
    ReleasePolicy policy =
        ReleasePolicy.builder("over")
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
            .epsilonBudget(1)
            .table(a)
            .table(b)
            .build();
    List<Incident> in = times(20, "0801", JAN);
    ReleaseResult r = Release.of(policy).run(in, null, new SplittableRandom(5));
    assertThat(r.report().passed()).isFalse();
    assertThat(r.report().firstFailure().orElseThrow().name()).isEqualTo("epsilon");
    assertThat(r.report().firstFailure().orElseThrow().detail())
        .startsWith("table dp-b needs epsilon 0.6 but only 0.4");
    assertThat(r.report().epsilonSpent()).isEqualTo(0.6);
    Path out = dir.resolve("release.ndjson");
    assertThatThrownBy(() -> Release.of(policy).publish(in, null, IncidentFormat.NDJSON, out))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.EPSILON_OVERSPENT))
        .hasMessageContaining("ATL-ANON-006");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void publishWritesTheTablesBesideTheOutputAndTablesOnlyLeavesOutAlone() throws IOException {
    TableSpec spec =
        TableSpec.builder("by-month")
            .rows(TableDimension.parse("time:month"))
            .smallCells(3)
            .build();
    List<Incident> in = times(4, "0801", JAN);
    Path out = dir.resolve("open.geojson");
    Release.of(
            ReleasePolicy.builder("both")
                .pseudonymiseIds(false)
                .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                .table(spec)
                .build())
        .publish(in, null, IncidentFormat.GEOJSON, out);
    assertThat(Release.tableFile(out, "by-month")).isEqualTo(dir.resolve("open.by-month.csv"));
    assertThat(out).exists();
    assertThat(Files.readString(dir.resolve("open.by-month.csv")))
        .isEqualTo("time:month,count\n2024-01,4\ntotal,4\n");
    Path stats = dir.resolve("stats");
    Release.of(
            ReleasePolicy.builder("only")
                .pseudonymiseIds(false)
                .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                .publishRecords(false)
                .table(spec)
                .build())
        .publish(in, null, IncidentFormat.GEOJSON, stats);
    assertThat(stats).doesNotExist();
    assertThat(dir.resolve("stats.by-month.csv")).exists();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).noneMatch(f -> f.toString().endsWith(".tmp"));
    }
  }

  @Test
  void theCheckReadsTheTextAndCatchesAnUnprotectedTable() {
    TableSpec spec =
        TableSpec.builder("t")
            .rows(TableDimension.parse("location:municipality"))
            .columns(TableDimension.parse("time:month"))
            .smallCells(5)
            .build();
    String good = resource("by-area-month.csv");
    assertThat(AggregateTable.check(spec, good).passed()).isTrue();
    assertThat(
            AggregateTable.check(spec, good.replace("0501,[c],[c],11", "0501,2,[c],11")).detail())
        .isEqualTo("row 0501: a count (2) from 1 to 4 is published");
    assertThat(
            AggregateTable.check(spec, good.replace("0501,[c],[c],11", "0501,9,[c],11")).detail())
        .isEqualTo("row 0501: exactly one entry is suppressed, so the others give it away");
    assertThat(AggregateTable.check(spec, good.replace("0801,7,6,13", "0801,7,6,14")).detail())
        .isEqualTo("row 0801: the cells add up to 13 but the total is 14");
    assertThat(
            AggregateTable.check(spec, good.replace("total,14,15,29", "total,[c],15,29")).detail())
        .isEqualTo("the totals row: exactly one entry is suppressed, so the others give it away");
    assertThat(
            AggregateTable.check(
                    spec,
                    """
                    location:municipality,2024-01,2024-02,2024-03,total
                    0801,[c],[c],10,13
                    total,[c],[c],10,13
                    """)
                .detail())
        .isEqualTo(
            "row 0801: the suppressed cells add up to 3 (the total minus the published cells),"
                + " below the threshold 5");
    assertThat(AggregateTable.check(spec, good.replace("[c],[c],5", "0,0,five")).detail())
        .isEqualTo("entry (0301, total) (five) is neither a whole number nor [c]");
    TableSpec dp =
        TableSpec.builder("d")
            .rows(TableDimension.parse("category:1"))
            .differentialPrivacy(1, 1)
            .build();
    // At epsilon 1 a cell's 95% half-width is 3, and a total of one cell has the same.
    assertThat(
            AggregateTable.check(
                    dp, "category:1,count,count:lower95,count:upper95\n01,3,0,6\ntotal,3,0,6\n")
                .detail())
        .startsWith("the rows [01] are not the declared ones");
    assertThat(AggregateTable.check(dp, "category:1,count\n01,3\ntotal,3\n").detail())
        .isEqualTo(
            "the header has 2 fields, not 1 plus 3 per count column (the count and the limits of"
                + " its interval)");
  }

  @Test
  void theCheckRecomputesEveryPublishedInterval() {
    TableSpec spec =
        TableSpec.builder("dp")
            .rows(TableDimension.parse("location:department", List.of("08", "05")))
            .columns(TableDimension.parse("time:year", List.of("2024")))
            .differentialPrivacy(0.5, 1)
            .build();
    List<Incident> in = new ArrayList<>(times(30, "0801", JAN));
    in.addAll(times(4, "0501", JAN));
    AggregateTable t =
        Release.of(
                ReleasePolicy.builder("dp")
                    .pseudonymiseIds(false)
                    .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                    .publishRecords(false)
                    .epsilonBudget(0.5)
                    .table(spec)
                    .build())
            .run(in, null, new SplittableRandom(17))
            .tables()
            .get(0);
    String csv = t.toCsv();
    assertThat(AggregateTable.check(spec, csv).passed())
        .as(AggregateTable.check(spec, csv).detail())
        .isTrue();
    String[] lines = csv.split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "location:department,2024,unknown,other,total,2024:lower95,2024:upper95,unknown:lower95,"
                + "unknown:upper95,other:lower95,other:upper95,total:lower95,total:upper95");
    // Every entry's limits are its interval: a cell +-6 at epsilon 0.5, a row total of 3 cells and
    // a column total of 4 cells wider, the grand total of 12 cells wider still.
    DiscreteLaplace noise = DiscreteLaplace.distribution(0.5, 1);
    long cell = t.entry(0, 0).getAsLong();
    assertThat(lines[1])
        .startsWith("08," + cell + ",")
        .contains("," + Math.max(0, cell - 6) + "," + (cell + 6) + ",");
    assertThat(t.interval(0, 0)).contains(noise.interval(cell, 0.95));
    assertThat(t.interval(0, 3).orElseThrow().upper() - t.entry(0, 3).getAsLong())
        .isEqualTo(noise.halfWidth(0.95, 3));
    assertThat(t.interval(4, 0).orElseThrow().upper() - t.entry(4, 0).getAsLong())
        .isEqualTo(noise.halfWidth(0.95, 4));
    assertThat(t.interval(4, 3).orElseThrow().upper() - t.entry(4, 3).getAsLong())
        .isEqualTo(noise.halfWidth(0.95, 12));
    assertThat(noise.halfWidth(0.95, 12))
        .isGreaterThan(noise.halfWidth(0.95, 4))
        .isGreaterThan(noise.halfWidth(0.95, 3))
        .isGreaterThan(6);
    // The example of sdk-docs/anonymisation.md passes the check (a cell +-6, a total of 4 cells
    // +-11).
    TableSpec guide =
        TableSpec.builder("guide")
            .rows(TableDimension.parse("location:department", List.of("08", "05")))
            .differentialPrivacy(0.5, 1)
            .build();
    assertThat(
            AggregateTable.check(
                    guide,
                    """
                    location:department,count,count:lower95,count:upper95
                    08,31,25,37
                    05,2,0,8
                    unknown,-1,0,5
                    other,1,0,7
                    total,33,22,44
                    """)
                .passed())
        .isTrue();
    // A narrowed interval, a renamed limit column or a missing pair fails the check.
    String narrowed =
        csv.replace(
            lines[1],
            lines[1].substring(0, lines[1].lastIndexOf(','))
                + ","
                + (Long.parseLong(lines[1].substring(lines[1].lastIndexOf(',') + 1)) - 1));
    assertThat(AggregateTable.check(spec, narrowed).detail())
        .startsWith("entry (08, total) " + t.entry(0, 3).getAsLong() + " has the interval [")
        .endsWith("(exact 95%, noise of 3 cells)");
    assertThat(AggregateTable.check(spec, csv.replace("2024:upper95", "2024:high")).detail())
        .isEqualTo("the header has 2024:high where 2024:upper95 belongs");
    assertThat(AggregateTable.check(spec, csv.replace(",total:lower95,total:upper95", "")).detail())
        .startsWith("the header has 11 fields");
  }

  @Test
  void noPublishedEntryIsSmallAndNoSuppressedOneCanBeRecomputedFromItsLine() {
    qt().withExamples(400)
        .forAll(
            integers().between(1, 1_000_000),
            integers().between(1, 6),
            integers().between(1, 6),
            integers().between(2, 6))
        .checkAssert(
            (seed, rows, cols, threshold) -> {
              SplittableRandom r = new SplittableRandom(seed);
              long[][] counts = new long[rows][cols];
              for (long[] row : counts) {
                for (int c = 0; c < cols; c++) {
                  row[c] = r.nextInt(3) == 0 ? r.nextInt(threshold) : r.nextInt(3 * threshold);
                }
              }
              SmallCellTable t = SmallCellTable.of(counts, threshold);
              long[][] e = new long[rows + 1][cols + 1];
              java.util.OptionalLong[][] p = new java.util.OptionalLong[rows + 1][cols + 1];
              for (int i = 0; i <= rows; i++) {
                for (int c = 0; c <= cols; c++) {
                  e[i][c] = i < rows && c < cols ? counts[i][c] : 0;
                  p[i][c] =
                      i < rows && c < cols
                          ? t.cell(i, c)
                          : i < rows ? t.rowTotal(i) : c < cols ? t.columnTotal(c) : t.grandTotal();
                }
              }
              for (int i = 0; i < rows; i++) {
                for (int c = 0; c < cols; c++) {
                  e[i][cols] += counts[i][c];
                  e[rows][c] += counts[i][c];
                  e[rows][cols] += counts[i][c];
                }
              }
              List<long[]> truth = new ArrayList<>();
              List<java.util.OptionalLong[]> published = new ArrayList<>();
              for (int i = 0; i <= rows; i++) {
                truth.add(e[i]);
                published.add(p[i]);
              }
              for (int c = 0; c <= cols; c++) {
                long[] tl = new long[rows + 1];
                java.util.OptionalLong[] pl = new java.util.OptionalLong[rows + 1];
                for (int i = 0; i <= rows; i++) {
                  tl[i] = e[i][c];
                  pl[i] = p[i][c];
                }
                truth.add(tl);
                published.add(pl);
              }
              for (int l = 0; l < truth.size(); l++) {
                long[] tl = truth.get(l);
                java.util.OptionalLong[] pl = published.get(l);
                int hidden = 0;
                long hiddenCells = 0;
                for (int i = 0; i < tl.length; i++) {
                  if (pl[i].isPresent()) {
                    assertThat(pl[i].getAsLong()).as("published values are true").isEqualTo(tl[i]);
                    assertThat(tl[i] == 0 || tl[i] >= threshold)
                        .as("published %s below threshold %s", tl[i], threshold)
                        .isTrue();
                  } else {
                    hidden++;
                    hiddenCells += i < tl.length - 1 ? tl[i] : 0;
                  }
                }
                assertThat(hidden).as("line %s has exactly one hidden entry", l).isNotEqualTo(1);
                if (pl[tl.length - 1].isPresent()) {
                  assertThat(hiddenCells == 0 || hiddenCells >= threshold)
                      .as("hidden cells of line %s sum to %s", l, hiddenCells)
                      .isTrue();
                }
              }
            });
  }

  @Test
  void releasedSmallCellTablesPassTheirCheckOnAnyIncidents() {
    String[] municipalities = {"0801", "0501", "0301", "1601"};
    qt().withExamples(100)
        .forAll(
            lists().of(integers().between(0, 4 * 6 * 3 - 1)).ofSizeBetween(0, 60),
            integers().between(2, 6))
        .checkAssert(
            (codes, threshold) -> {
              List<Incident> in = new ArrayList<>();
              for (int i = 0; i < codes.size(); i++) {
                int v = codes.get(i);
                in.add(
                    incident(
                        "I" + i,
                        municipalities[v % 4].substring(0, 2),
                        municipalities[v % 4],
                        YearMonth.of(2024, 1 + v / 4 % 6),
                        List.of("0101", "0401", "0201").get(v / 24)));
              }
              TableSpec two =
                  TableSpec.builder("two")
                      .rows(TableDimension.parse("location:municipality"))
                      .columns(TableDimension.parse("time:month"))
                      .smallCells(threshold)
                      .build();
              TableSpec one =
                  TableSpec.builder("one")
                      .rows(TableDimension.parse("category:2"))
                      .smallCells(threshold)
                      .build();
              ReleaseResult r =
                  Release.of(
                          ReleasePolicy.builder("p")
                              .pseudonymiseIds(false)
                              .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                              .table(two)
                              .table(one)
                              .build())
                      .run(in, null, new SplittableRandom(1));
              assertThat(r.report().checks())
                  .filteredOn(c -> c.name().startsWith("table "))
                  .hasSize(2)
                  .allSatisfy(c -> assertThat(c.passed()).as(c.detail()).isTrue());
            });
  }

  @Test
  void dpOutputsAreIntegersAndTheLedgerNeverExceedsTheBudget() {
    qt().withExamples(60)
        .forAll(
            lists().of(integers().between(1, 10)).ofSizeBetween(1, 5),
            integers().between(5, 20),
            integers().between(0, 1_000_000))
        .checkAssert(
            (tenths, budgetTenths, seed) -> {
              double budget = budgetTenths / 10.0;
              ReleasePolicy.Builder b =
                  ReleasePolicy.builder("p")
                      .pseudonymiseIds(false)
                      .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody")
                      .epsilonBudget(budget);
              double planned = 0;
              int fit = 0;
              for (int i = 0; i < tenths.size(); i++) {
                double eps = Math.min(tenths.get(i) / 10.0, budget);
                b.table(
                    TableSpec.builder("t" + i)
                        .rows(TableDimension.parse("category:1"))
                        .columns(TableDimension.parse("time:year", List.of("2023", "2024")))
                        .differentialPrivacy(eps, 1)
                        .build());
                planned += eps;
                fit += planned <= budget * (1 + 1e-9) ? 1 : 0;
              }
              ReleaseResult r =
                  Release.of(b.build())
                      .run(times(12, "0801", JAN), null, new SplittableRandom(seed));
              assertThat(r.report().epsilonSpent()).isLessThanOrEqualTo(budget * (1 + 1e-9));
              assertThat(r.report().epsilonSpent())
                  .isCloseTo(
                      r.report().tables().stream().mapToDouble(PrivacyReport.Table::epsilon).sum(),
                      org.assertj.core.data.Offset.offset(1e-9));
              assertThat(r.tables()).hasSize(fit);
              assertThat(r.report().passed()).isEqualTo(fit == tenths.size());
              for (AggregateTable t : r.tables()) {
                String[] lines = t.toCsv().split("\n");
                assertThat(lines).hasSize(1 + 13 + 1);
                for (int l = 1; l < lines.length; l++) {
                  String[] cells = lines[l].split(",");
                  for (int c = 1; c < cells.length; c++) {
                    assertThat(cells[c]).matches("-?\\d+");
                  }
                }
                assertThat(AggregateTable.check(t.spec(), t.toCsv()).passed()).isTrue();
              }
            });
  }

  @Test
  void theNoiseScaleQuotedInTheGuideIsTheMechanisms() {
    // sdk-docs/anonymisation.md: standard deviation 2.80 at epsilon 0.5 and 1.36 at 1; 95% of
    // counts within 6 and 3 of the truth.
    DiscreteLaplace half = DiscreteLaplace.forTesting(0.5, 1, new SplittableRandom(9));
    DiscreteLaplace one = DiscreteLaplace.forTesting(1, 1, new SplittableRandom(9));
    assertThat(half.standardDeviation())
        .isCloseTo(2.80, org.assertj.core.data.Offset.offset(0.005));
    assertThat(one.standardDeviation()).isCloseTo(1.36, org.assertj.core.data.Offset.offset(0.005));
    assertThat(within(half, 6)).isGreaterThanOrEqualTo(0.95);
    assertThat(within(half, 5)).isLessThan(0.95);
    assertThat(within(one, 3)).isGreaterThanOrEqualTo(0.95);
    assertThat(within(one, 2)).isLessThan(0.95);
    double sum = 0;
    double squares = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long z = half.noise();
      sum += z;
      squares += (double) z * z;
    }
    double sd = Math.sqrt(squares / n - (sum / n) * (sum / n));
    assertThat(sd).isCloseTo(half.standardDeviation(), org.assertj.core.data.Offset.offset(0.05));
  }

  private static double within(DiscreteLaplace m, int k) {
    double p = 0;
    for (int z = -k; z <= k; z++) {
      p += m.probability(z);
    }
    return p;
  }
}
