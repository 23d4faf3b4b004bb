// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Duration text in the two dialects users bring: Go ({@code 1m30s}, {@code 200ms}, as in kube-vip's
 * {@code debounce_time}) and Spring ({@code 800ms}, {@code 15s}, ISO {@code PT15S}). A bare number takes the
 * caller's unit, because kube-vip's environment variables are bare seconds or milliseconds.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
  private static final Pattern BARE = Pattern.compile("\\d+");

  private Durations() {}

  /**
   * @throws IllegalArgumentException when the text is not a non-negative duration
   */
  public static Duration parse(String text, ChronoUnit bareUnit) {
    String t = text.trim();
    if (BARE.matcher(t).matches()) {
      return Duration.of(parseLong(t), bareUnit);
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        Duration d = Duration.parse(t);
        if (d.isNegative()) {
          throw new IllegalArgumentException("is negative; expected a duration of zero or more");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    }
    Matcher m = PART.matcher(t);
    int at = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at) {
        throw invalid();
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
      at = m.end();
    }
    if (at == 0) {
      throw invalid();
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /** Canonical text Spring binds back exactly: whole milliseconds as {@code 800ms}, otherwise nanoseconds. */
  public static String format(Duration d) {
    return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() + "ns";
  }

  /** Human text for messages and docs: {@code 15s}, {@code 800ms}. */
  public static String human(Duration d) {
    if (d.toMillis() % 1000 == 0 && d.toNanos() % 1_000_000 == 0) {
      return d.toSeconds() + "s";
    }
    return format(d);
  }

  private static long parseLong(String t) {
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is too large");
    }
  }

  private static long nanosPer(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "µs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        return 86_400_000_000_000L;
    }
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("is not a duration; expected e.g. 1500ms, 15s, 1m30s or PT15S");
  }
}
