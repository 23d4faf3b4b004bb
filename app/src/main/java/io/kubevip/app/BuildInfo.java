// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Version and build of this executable, filtered into {@code kubevip-build.properties} by Maven; read without
 * Spring so {@code kubevip version} needs nothing else.
 *
 * @param version project version
 * @param build build id (commit or "dev")
 */
public record BuildInfo(String version, String build) {

  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/kubevip-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": version output must never fail
    }
    return new BuildInfo(clean(p.getProperty("version")), clean(p.getProperty("build")));
  }

  private static String clean(String v) {
    return v == null || v.isBlank() || v.startsWith("@") ? "unknown" : v.trim();
  }
}
