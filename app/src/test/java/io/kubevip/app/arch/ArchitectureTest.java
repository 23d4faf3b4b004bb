// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Arrows Maven cannot enforce, checked over every io.kubevip class on the app's classpath (all modules). */
@AnalyzeClasses(packages = "io.kubevip", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "io.kubevip";

  @ArchTest
  static final ArchRule domain = ArchitectureRules.domainDependsOnJdkOnly(ROOT);
  @ArchTest
  static final ArchRule ports = ArchitectureRules.portsDependOnDomainAndJdkOnly(ROOT);
  @ArchTest
  static final ArchRule adapters = ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT);
  @ArchTest
  static final ArchRule spring = ArchitectureRules.springOnlyInApp(ROOT);
  @ArchTest
  static final ArchRule fabric8 = ArchitectureRules.fabric8OnlyInKubernetesAdapter(ROOT);
  @ArchTest
  static final ArchRule jna = ArchitectureRules.jnaOnlyInLinux(ROOT);
}
