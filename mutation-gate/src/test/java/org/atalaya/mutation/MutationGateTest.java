package org.atalaya.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The mutation gate holds each class to its minimum")
class MutationGateTest {

  @TempDir Path dir;

  private static final List<ClassPattern> ALL = List.of(ClassPattern.of("org.*"));

  @Test
  void readsEveryMutantOfAPitReportWithItsStatus() throws IOException {
    List<Mutant> mutants = PitReport.read(fixture());

    assertThat(mutants).hasSize(5);
    assertThat(mutants.get(0))
        .isEqualTo(
            new Mutant(
                "org.example.Guard",
                "isSensitive",
                10,
                "BooleanFalseReturnValsMutator",
                "replaced boolean return with false for org/example/Guard::isSensitive",
                "KILLED",
                true));
    assertThat(mutants.get(2).topLevelClass()).isEqualTo("org.example.Guard");
    assertThat(mutants.get(2).detected()).as("a timeout counts as detected").isTrue();
    assertThat(mutants.get(3).method()).isEqualTo("<init>");
    assertThat(mutants.get(4).viable()).isFalse();
  }

  @Test
  void aFileThatIsNotAReportIsRefusedWithItsName() throws IOException {
    Path broken =
        Files.writeString(dir.resolve("mutations.xml"), "<mutations><mutation status='KILLED'>");
    assertThatThrownBy(() -> PitReport.read(broken))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(broken.toString());
  }

  @Test
  void aClassBelowItsMinimumFailsAndNamesScoreRuleAndSurvivor() throws IOException {
    // Guard: 2 detected of 3 counted = 66.6%.
    Gate.Verdict verdict =
        Gate.judge(
            PitReport.read(fixture()),
            rules("org.example.Guard 90 each sensitive-category detection"),
            List.of(),
            ALL);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.failures())
        .singleElement()
        .asString()
        .contains("org.example.Guard", "66.6%", "2 of 3", "thresholds.txt:1", "sensitive-category");
    assertThat(verdict.lines().get(0).score().undetected())
        .extracting(Mutant::line)
        .containsExactly(11);
    assertThat(Summary.markdown(verdict, List.of()))
        .contains("isSensitive:11 ConditionalsBoundaryMutator", "**below**");
  }

  @Test
  void theMinimumItselfPassesAndOneMutantLessFails() throws IOException {
    Threshold ninety = rules("org.example.* 90 each x").get(0);
    List<Mutant> nineOfTen = mutants("org.example.A", 9, 1);
    List<Mutant> eightOfNine = mutants("org.example.A", 8, 1);

    assertThat(Gate.judge(nineOfTen, List.of(ninety), List.of(), ALL).passed()).isTrue();
    assertThat(Gate.judge(eightOfNine, List.of(ninety), List.of(), ALL).passed()).isFalse();
    assertThat(new Score("a", 9, 8, 0, List.of()).percent()).hasToString("88.8");
  }

  @Test
  void anAllRuleJudgesItsClassesTogether() throws IOException {
    List<Mutant> mutants = new ArrayList<>(mutants("org.example.Weak", 6, 4));
    mutants.addAll(mutants("org.example.Strong", 10, 0));

    Gate.Verdict verdict =
        Gate.judge(mutants, rules("org.example.* 80 all the rest"), List.of(), ALL);

    assertThat(verdict.passed()).as("16 of 20 together is 80%").isTrue();
    assertThat(verdict.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.score().counted()).isEqualTo(20));
  }

  @Test
  void theFirstMatchingRuleIsTheClasssRule() throws IOException {
    List<Mutant> mutants = mutants("org.example.Guard", 8, 2);
    List<Threshold> rules =
        rules("org.example.Guard 90 each critical", "org.example.* 50 all rest");

    Gate.Verdict verdict = Gate.judge(mutants, rules, List.of(), ALL);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.rule().minimum()).isEqualByComparingTo("90"));
  }

  @Test
  void aReviewedEquivalentMutantDoesNotCount() throws IOException {
    List<EquivalentMutant> equivalents =
        equivalents(
            "org.example.Guard isSensitive 11 ConditionalsBoundaryMutator the count is never equal"
                + " to the limit there");

    Gate.Verdict verdict =
        Gate.judge(
            PitReport.read(fixture()), rules("org.example.Guard 90 each x"), equivalents, ALL);

    assertThat(verdict.failures()).isEmpty();
    assertThat(verdict.lines().get(0).score().equivalent()).isEqualTo(1);
    assertThat(verdict.lines().get(0).score().counted()).isEqualTo(2);
  }

  @Test
  void anEquivalentEntryThatNoLongerMatchesFails() throws IOException {
    List<EquivalentMutant> moved =
        equivalents("org.example.Guard isSensitive 12 ConditionalsBoundaryMutator was line 11");
    List<EquivalentMutant> killed =
        equivalents(
            "org.example.Guard isSensitive 10 BooleanFalseReturnValsMutator thought equivalent");
    List<EquivalentMutant> elsewhere =
        equivalents("org.example.Absent run 1 MathMutator class not mutated in this run");

    List<Mutant> mutants = PitReport.read(fixture());
    List<Threshold> none = List.of();
    assertThat(Gate.judge(mutants, none, moved, ALL).failures())
        .singleElement()
        .asString()
        .contains("equivalent-mutants.txt:1", "no mutant", "update or remove");
    assertThat(Gate.judge(mutants, none, killed, ALL).failures())
        .singleElement()
        .asString()
        .contains("a test kills it");
    assertThat(Gate.judge(mutants, none, elsewhere, ALL).failures()).isEmpty();
  }

  @Test
  void aListedMutantThatTimedOutStaysEquivalentAndKilledNeighboursStillCount() throws IOException {
    List<Mutant> mutants =
        List.of(
            new Mutant("org.example.A", "m", 7, "MathMutator", "- to +", "KILLED", true),
            new Mutant("org.example.A", "m", 7, "MathMutator", "* to /", "SURVIVED", false),
            new Mutant("org.example.A", "n", 9, "MathMutator", "+ to -", "TIMED_OUT", true),
            new Mutant("org.example.A", "n", 10, "MathMutator", "+ to -", "KILLED", true));
    List<EquivalentMutant> equivalents =
        equivalents(
            "org.example.A m 7 MathMutator the product is of 1 by 1",
            "org.example.A n 9 MathMutator a timeout under load, the sum is with 0");

    Gate.Verdict verdict = Gate.judge(mutants, rules("org.example.A 100 each x"), equivalents, ALL);

    assertThat(verdict.failures()).isEmpty();
    Score a = verdict.lines().get(0).score();
    assertThat(a.counted()).isEqualTo(2);
    assertThat(a.detected()).isEqualTo(2);
    assertThat(a.equivalent()).isEqualTo(2);
  }

  @Test
  void aCriticalClassThatWasToBeMutatedButHasNoMutantsFails() throws IOException {
    List<Mutant> mutants = PitReport.read(fixture());
    List<Threshold> rules = rules("org.example.Renamed 90 each sensitive detection");

    assertThat(Gate.judge(mutants, rules, List.of(), ALL).failures())
        .singleElement()
        .asString()
        .contains("org.example.Renamed", "no mutants");
    assertThat(
            Gate.judge(mutants, rules, List.of(), List.of(ClassPattern.of("org.example.Guard")))
                .passed())
        .as("a run that was not asked to mutate it says nothing about it")
        .isTrue();
  }

  @Test
  void malformedRulesAndEntriesNameFileAndLine() {
    assertThatThrownBy(() -> rules("# comment", "org.x.A ninety each y"))
        .hasMessageContaining("thresholds.txt:2", "ninety");
    assertThatThrownBy(() -> rules("org.x.A 120 each y")).hasMessageContaining("not a percentage");
    assertThatThrownBy(() -> rules("org.x.A 90 some y"))
        .hasMessageContaining("neither 'each' nor 'all'");
    assertThatThrownBy(() -> equivalents("org.x.A run 3 MathMutator"))
        .hasMessageContaining("equivalent-mutants.txt:1", "reason");
  }

  @Test
  void theCommandReadsThisRunsReportsAndIgnoresOlderOnes() throws IOException {
    Path core = dir.resolve("core/target/pit-reports");
    Path geo = dir.resolve("geo/target/pit-reports");
    Files.createDirectories(core);
    Files.createDirectories(geo);
    Files.copy(fixture(), core.resolve("mutations.xml"));
    Files.copy(fixture(), geo.resolve("mutations.xml"));
    Files.setLastModifiedTime(
        geo.resolve("mutations.xml"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path thresholds =
        Files.writeString(dir.resolve("thresholds.txt"), "org.example.Other 0 each x\n");
    Path equivalents = Files.writeString(dir.resolve("equivalent-mutants.txt"), "");
    Path summary = dir.resolve("out/summary.md");

    MutationGate gate = new MutationGate();
    gate.root = dir;
    gate.modules = List.of("core", "geo", "cli");
    gate.targets = List.of("org.*");
    gate.since = Instant.parse("2021-01-01T00:00:00Z");
    gate.thresholds = thresholds;
    gate.equivalents = equivalents;
    gate.summary = summary;

    assertThat(gate.call()).isZero();
    assertThat(Files.readString(summary))
        .contains(
            "commit: none (",
            "core: 5 mutants",
            "geo: report from an earlier run",
            "cli: no PIT report");

    gate.modules = List.of("geo");
    assertThat(gate.call()).as("nothing from this run to judge").isEqualTo(2);
  }

  @Test
  void aFailingGateFailsTheBuild() throws IOException {
    Path core = Files.createDirectories(dir.resolve("core/target/pit-reports"));
    Files.copy(fixture(), core.resolve("mutations.xml"));
    Files.writeString(dir.resolve("t.txt"), "org.example.Guard 90 each x\n");
    Files.writeString(dir.resolve("e.txt"), "");

    assertThatThrownBy(
            () ->
                MutationGate.main(
                    new String[] {
                      "--root=" + dir,
                      "--modules=core",
                      "--thresholds=" + dir.resolve("t.txt"),
                      "--equivalents=" + dir.resolve("e.txt")
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mutation gate failed");
  }

  private Path fixture() throws IOException {
    Path copy = dir.resolve("fixture-" + System.nanoTime() + ".xml");
    try (InputStream in = MutationGateTest.class.getResourceAsStream("mutations.xml")) {
      Files.copy(in, copy);
    }
    return copy;
  }

  private List<Threshold> rules(String... lines) throws IOException {
    return Threshold.read(write("thresholds.txt", lines));
  }

  private List<EquivalentMutant> equivalents(String... lines) throws IOException {
    return EquivalentMutant.read(write("equivalent-mutants.txt", lines));
  }

  private Path write(String name, String... lines) throws IOException {
    Path sub = Files.createTempDirectory(dir, "f");
    return Files.write(sub.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private static List<Mutant> mutants(String cls, int detected, int undetected) {
    List<Mutant> out = new ArrayList<>();
    for (int i = 0; i < detected + undetected; i++) {
      boolean d = i < detected;
      out.add(new Mutant(cls, "m", i + 1, "MathMutator", "changed", d ? "KILLED" : "SURVIVED", d));
    }
    return out;
  }
}
