// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is generated from the table and committed; this test keeps it in step. */
class DocsTest {
  static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void givenTable_whenDocsCompared_thenConfigurationMdIsUpToDate() throws IOException {
    String expected = ConfigurationDocs.render();
    if (Boolean.getBoolean("kubevip.docs.write")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/configuration.md is stale: regenerate with -Dtest=DocsTest -Dkubevip.docs.write=true")
        .isEqualTo(expected);
  }

  @Test
  void givenTable_whenDocsRead_thenEveryEnvNameFlagAndPropertyAppears() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (Setting s : SettingsTable.ALL) {
      if (s.env() != null) {
        assertThat(doc).as(s.env()).contains("`" + s.env() + "`");
      }
      s.envAliases().forEach(a -> assertThat(doc).contains("`" + a + "`"));
      if (s.flag() != null) {
        assertThat(doc).as(s.flag()).contains("`" + s.flag() + "`");
      }
      assertThat(doc).contains("`" + s.property() + "`");
    }
  }
}
