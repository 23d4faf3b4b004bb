// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules allow empty packages, so prove they are not vacuous: run them against fixture classes (test sources,
 * package {@code io.kubevip.app.arch.fixture}) that break them on purpose.
 */
class ArchitectureRulesCatchViolationsTest {
  static final String ROOT = "io.kubevip.app.arch.fixture";
  static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

  @Test
  void givenRealImport_whenLoaded_thenItSeesOtherModulesButNoTestFixtures() {
    JavaClasses real = new ClassFileImporter()
        .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.kubevip");
    assertThat(real.contain("io.kubevip.domain.address.VipAddress")).isTrue();
    assertThat(real.contain("io.kubevip.app.KubevipMain")).isTrue();
    assertThat(real.contain("io.kubevip.app.arch.fixture.domain.SpringInDomain")).isFalse();
  }

  @Test
  void givenDomainClassUsingSpring_whenChecked_thenDomainAndSpringRulesFail() {
    EvaluationResult domain = ArchitectureRules.domainDependsOnJdkOnly(ROOT).evaluate(FIXTURE);
    assertThat(domain.hasViolation()).isTrue();
    assertThat(domain.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
        .contains("SpringInDomain").contains("org.springframework.util.StringUtils"));
    EvaluationResult spring = ArchitectureRules.springOnlyInApp(ROOT).evaluate(FIXTURE);
    assertThat(spring.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("SpringInDomain"))
        .noneSatisfy(d -> assertThat(d).contains("SpringInApp"));
  }

  @Test
  void givenAdapterUsingAnotherAdapter_whenChecked_thenAdapterRuleFails() {
    EvaluationResult r = ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT).evaluate(FIXTURE);
    assertThat(r.hasViolation()).isTrue();
    assertThat(r.getFailureReport().toString()).contains("AlphaAdapter").contains("BetaAdapter");
  }

  @Test
  void givenJnaOutsideLinux_whenChecked_thenJnaRuleFails() {
    EvaluationResult r = ArchitectureRules.jnaOnlyInLinux(ROOT).evaluate(FIXTURE);
    assertThat(r.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d).contains("AlphaAdapter")
        .contains("com.sun.jna"));
  }

  @Test
  void givenCleanFixtureParts_whenChecked_thenPortsAndFabric8RulesPass() {
    assertThat(ArchitectureRules.portsDependOnDomainAndJdkOnly(ROOT).evaluate(FIXTURE).hasViolation()).isFalse();
    assertThat(ArchitectureRules.fabric8OnlyInKubernetesAdapter(ROOT).evaluate(FIXTURE).hasViolation()).isFalse();
  }
}
