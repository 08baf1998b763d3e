package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a release policy accepts and how it reads: a value out of its documented range is refused,
 * never clamped; a part gets one role; a step receives the options the user wrote plus the policy's
 * defaults; every error of a policy file names the policy.
 */
class ReleasePolicyRulesTest {
  @TempDir Path dir;

  static ReleasePolicy parse(String json, List<ReleaseStepFactory> factories) throws IOException {
    return ReleasePolicy.fromJson(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, factories);
  }

  static ReleasePolicy parse(String json) throws IOException {
    return parse(json, List.of(new CoreSteps()));
  }

  private static void assertInvalidPolicy(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY);
              assertThat(e.detail()).startsWith("policy policy");
            });
  }

  /** A factory that records the specs it is given and builds a no-op step for each. */
  static final class Recording implements ReleaseStepFactory {
    final List<StepSpec> specs = new ArrayList<>();

    @Override
    public Set<String> types() {
      return Set.of("redact", "other");
    }

    @Override
    public Optional<ReleaseStep> create(StepSpec spec) {
      specs.add(spec);
      return Optional.of(Steps.dropFields(List.of()));
    }
  }

  // The builder's ranges

  @Test
  void aPolicyNeedsAName() {
    assertThatThrownBy(() -> ReleasePolicy.builder(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReleasePolicy.builder(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kIsAtLeastOne() {
    assertThatThrownBy(() -> ReleasePolicy.builder("p").k(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReleasePolicy.builder("p").k(1).build().k()).isEqualTo(1);
  }

  @Test
  void sharesAreFromZeroToOne() {
    for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> ReleasePolicy.builder("p").maxAttackShare(bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ReleasePolicy.builder("p").maxSuppressedFraction(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (double ok : new double[] {0, 0.5, 1}) {
      assertThat(ReleasePolicy.builder("p").maxAttackShare(ok).build().maxAttackShare())
          .isEqualTo(ok);
      assertThat(
              ReleasePolicy.builder("p").maxSuppressedFraction(ok).build().maxSuppressedFraction())
          .isEqualTo(ok);
    }
  }

  @Test
  void theEpsilonBudgetIsAFiniteAmountOfZeroOrMore() {
    for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> ReleasePolicy.builder("p").epsilonBudget(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ReleasePolicy.builder("p").epsilonBudget(0).build().epsilonBudget()).isZero();
  }

  @Test
  void declaringQuasiIdentifiersNeedsAtLeastOne() {
    assertThatThrownBy(() -> ReleasePolicy.builder("p").quasiIdentifiers(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    ReleasePolicy p =
        ReleasePolicy.builder("p")
            .quasiIdentifiers(List.of(QuasiIdentifier.TIME))
            .names(List.of("Ana"))
            .k(3)
            .build();
    assertThat(p.quasiIdentifiers()).contains(QuasiIdentifier.TIME);
    assertThat(p.names()).containsExactly("Ana");
    assertThat(p.k()).isEqualTo(3);
  }

  @Test
  void aPartIsInsensitiveOnlyWithAReason() {
    assertThatThrownBy(
            () ->
                ReleasePolicy.builder("p").role(QuasiIdentifier.SOURCE, AttributeRole.INSENSITIVE))
        .isInstanceOf(IllegalArgumentException.class);
    ReleasePolicy p =
        ReleasePolicy.builder("p").insensitive(QuasiIdentifier.SOURCE, " public register ").build();
    assertThat(p.roles()).containsEntry(QuasiIdentifier.SOURCE, AttributeRole.INSENSITIVE);
    assertThat(p.insensitiveReasons()).containsEntry(QuasiIdentifier.SOURCE, "public register");
  }

  @Test
  void aPartHasOneRole() {
    assertThatThrownBy(
            () ->
                ReleasePolicy.builder("p")
                    .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
                    .quasiIdentifiers(List.of(QuasiIdentifier.CASE_HISTORY)))
        .isInstanceOf(IllegalArgumentException.class);
    // Saying the same role twice is no conflict.
    ReleasePolicy p =
        ReleasePolicy.builder("p")
            .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
            .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
            .build();
    assertThat(p.sensitiveAttributes()).containsExactly(QuasiIdentifier.CASE_HISTORY);
  }

  @Test
  void theIdIsNeverQuasiIdentifyingNorSensitive() {
    for (AttributeRole r : List.of(AttributeRole.QUASI_IDENTIFYING, AttributeRole.SENSITIVE)) {
      assertThatThrownBy(() -> ReleasePolicy.builder("p").role(QuasiIdentifier.ID, r))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatCode(
            () -> ReleasePolicy.builder("p").role(QuasiIdentifier.ID, AttributeRole.IDENTIFYING))
        .doesNotThrowAnyException();
    assertThatCode(() -> ReleasePolicy.builder("p").insensitive(QuasiIdentifier.ID, "synthetic"))
        .doesNotThrowAnyException();
  }

  @Test
  void settingTheAttacksReplacesThem() {
    ReleasePolicy p =
        ReleasePolicy.builder("p")
            .attacks(List.of(AttackProfile.NEIGHBOUR))
            .attacks(List.of(AttackProfile.VICTIM))
            .build();
    assertThat(p.attacks()).containsExactly(AttackProfile.VICTIM);
  }

  @Test
  void aPolicyShowsItsNameKAndSteps() {
    ReleasePolicy p =
        ReleasePolicy.builder("open-ish").k(5).step(Steps.generaliseCategory(2)).build();
    assertThat(p.toString()).contains("open-ish").contains("k=5").contains("generalise-category");
  }

  // Reading JSON

  @Test
  void theAttacksAreReadAsListed() throws IOException {
    ReleasePolicy p = parse("{\"attacks\": [\"neighbour\", \"register\"]}");
    assertThat(p.attacks())
        .containsExactlyInAnyOrder(AttackProfile.NEIGHBOUR, AttackProfile.REGISTER);
  }

  @Test
  void aRoleSaysWhereItWasDeclared() throws IOException {
    ReleasePolicy p =
        parse("{\n  \"name\": \"x\",\n  \"roles\": {\"case-history\": \"sensitive\"}\n}");
    assertThat(p.origin(QuasiIdentifier.CASE_HISTORY)).contains("policy policy, line 3");
    assertThat(p.origin(QuasiIdentifier.LOCATION)).isEmpty();
  }

  @Test
  void aRoleObjectHasOnlyARoleAndAReason() throws IOException {
    assertInvalidPolicy(
        "{\"roles\": {\"source\": {\"role\": \"insensitive\", \"reason\": \"r\", \"why\":"
            + " \"x\"}}}");
    assertInvalidPolicy("{\"roles\": {\"source\": {\"role\": \"insensitive\", \"reasn\": \"r\"}}}");
    ReleasePolicy p =
        parse("{\"roles\": {\"source\": {\"role\": \"insensitive\", \"reason\": \"public\"}}}");
    assertThat(p.insensitiveReasons()).containsEntry(QuasiIdentifier.SOURCE, "public");
  }

  @Test
  void anErrorTheBuilderFindsStillNamesThePolicy() {
    // publishRecords false without tables: found when the policy is built, reported as the file's.
    assertInvalidPolicy("{\"publishRecords\": false}");
    // A step's own refusal (ICCS level 7) names the policy and the step.
    assertInvalidPolicy("{\"steps\": [{\"type\": \"generalise-category\", \"level\": 7}]}");
  }

  @Test
  void aStepReceivesTheOptionsWrittenAndThePolicysDefaults() throws IOException {
    Recording r = new Recording();
    parse(
        "{\"k\": 4, \"names\": [\"Ana\"],"
            + " \"roles\": {\"case-history\": \"sensitive\", \"victim-sex\": \"sensitive\"},"
            + " \"steps\": [{\"type\": \"redact\", \"names\": [\"Luis\"]},"
            + " {\"type\": \"other\", \"names\": [\"Eva\"], \"k\": 9}]}",
        List.of(r));
    assertThat(r.specs).hasSize(2);
    StepSpec redact = r.specs.get(0);
    StepSpec other = r.specs.get(1);
    // redact checks the policy's names and its own.
    assertThat(redact.texts("names")).containsExactly("Ana", "Luis");
    // Any other step gets its names as written.
    assertThat(other.texts("names")).containsExactly("Eva");
    assertThat(redact.number("k")).isEqualTo(4);
    assertThat(other.number("k")).isEqualTo(9);
    // The quasi-identifiers: every part with no other role.
    Set<QuasiIdentifier> expected = EnumSet.allOf(QuasiIdentifier.class);
    expected.removeIf(q -> q.defaultRole() != AttributeRole.QUASI_IDENTIFYING);
    expected.remove(QuasiIdentifier.CASE_HISTORY);
    expected.remove(QuasiIdentifier.VICTIM_SEX);
    List<String> names = expected.stream().map(QuasiIdentifier::policyName).toList();
    assertThat(redact.texts("quasiIdentifiers")).containsExactlyInAnyOrderElementsOf(names);
    assertThat(redact.baseDirectory()).isEmpty();
  }

  @Test
  void aPolicyFileIsReadWithItsDirectory() throws IOException {
    Path file = dir.resolve("mine.json");
    Files.writeString(file, "{\"name\": \"mine\", \"k\": 2, \"steps\": [{\"type\": \"other\"}]}");
    Recording r = new Recording();
    ReleasePolicy p = ReleasePolicy.fromJson(file, List.of(r));
    assertThat(p.name()).isEqualTo("mine");
    assertThat(p.k()).isEqualTo(2);
    assertThat(r.specs.get(0).baseDirectory()).contains(dir.toAbsolutePath());
  }

  @Test
  void aValueOutOfRangeInAPolicyFileIsAnInvalidPolicyNamingTheField() {
    assertInvalidPolicy("{\"k\": 0}");
    assertInvalidPolicy("{\"maxSuppressedFraction\": 2}");
    assertInvalidPolicy("{\"epsilonBudget\": -1}");
    assertInvalidPolicy("{\"quasiIdentifiers\": []}");
  }
}
