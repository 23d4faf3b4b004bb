// SPDX-License-Identifier: Apache-2.0
package io.kubevip.linux.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The codecs stay dependency-free (STYLE rule 15): only java.* and the wire packages themselves. */
class WireDependenciesTest {
  @Test
  void givenWireSources_thenOnlyJavaAndWireImports() throws IOException {
    Path root = Path.of("src/main/java/io/kubevip/linux/wire");
    List<String> offending;
    try (Stream<Path> files = Files.walk(root)) {
      offending = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream()
                  .filter(l -> l.startsWith("import "))
                  .filter(l -> !l.matches("import (static )?(java\\.|io\\.kubevip\\.linux\\.wire\\.).*"))
                  .map(l -> p.getFileName() + ": " + l);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          })
          .toList();
    }
    assertThat(root).isDirectory();
    assertThat(offending).isEmpty();
  }
}
