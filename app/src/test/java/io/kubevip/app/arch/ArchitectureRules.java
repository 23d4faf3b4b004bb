// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules, parameterised by the root package so the same rules run against the real code
 * ({@code io.kubevip}) and against a small fixture that breaks each one. Empty packages are allowed because several
 * modules are still nearly empty; the fixture test proves the rules still bite.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  static ArchRule domainDependsOnJdkOnly(String root) {
    return classes().that().resideInAPackage(root + ".domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", "org.jmolecules..")
        .because("the domain is pure: JDK only (STYLE rule 1)").allowEmptyShould(true);
  }

  static ArchRule portsDependOnDomainAndJdkOnly(String root) {
    return classes().that().resideInAPackage(root + ".ports..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", root + ".domain..", root + ".ports..", "org.jmolecules..")
        .because("port signatures mention only domain and JDK types (STYLE rule 5)").allowEmptyShould(true);
  }

  static ArchRule adaptersDoNotDependOnEachOther(String root) {
    return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
        .because("adapters share code through kubevip-linux, never through each other").allowEmptyShould(true);
  }

  static ArchRule springOnlyInApp(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".app..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .because("Spring lives in app only (STYLE rule 7)").allowEmptyShould(true);
  }

  static ArchRule fabric8OnlyInKubernetesAdapter(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".adapter.kubernetes..", root + ".lab..")
        .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
        .because("fabric8 stays in adapter-kubernetes (and the lab)").allowEmptyShould(true);
  }

  static ArchRule jnaOnlyInLinux(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".linux..")
        .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
        .because("JNA is confined to kubevip-linux (STYLE rule 13)").allowEmptyShould(true);
  }
}
