// SPDX-License-Identifier: Apache-2.0
package io.kubevip.testkit.netns;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrivilegedTest {
  @Test
  void givenNotPrivileged_whenNotRequired_thenSkipsWithOneLineReason() {
    assertThatThrownBy(() -> Privileged.assume("needs root", null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("needs root")
        .hasMessageNotContaining("\n");
  }

  @Test
  void givenNotPrivileged_whenRequired_thenFailsNamingTheVariable() {
    assertThatThrownBy(() -> Privileged.assume("needs root", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("needs root")
        .hasMessageContaining("KUBEVIP_REQUIRE_PRIVILEGED=1");
  }

  @Test
  void givenPrivileged_thenNothingHappens() {
    assertThatCode(() -> Privileged.assume(null, "1")).doesNotThrowAnyException();
  }
}
