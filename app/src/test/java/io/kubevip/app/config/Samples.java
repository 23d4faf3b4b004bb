// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/** Test helper: a valid non-default kube-vip-style value for each setting type. */
final class Samples {
  private Samples() {}

  static String valid(Setting s) {
    String d = s.type().describe();
    if (d.startsWith("integer ")) {
      long min = Long.parseLong(d.substring(8, d.indexOf("..")));
      return Long.toString(min + 1);
    }
    if (d.contains(" | ") && !d.startsWith("auto")) {
      String[] values = d.split(" \\| ");
      return values[values.length - 1];
    }
    switch (d) {
      case "boolean":
        return "true";
      case "seconds":
        return "7";
      case "milliseconds":
        return "700";
      case "Go duration":
        return "1m30s";
      case "IPs or DNS names, comma separated":
        return "192.0.2.10,vip.example.com";
      case "IP address":
        return "192.0.2.7";
      case "[host]:port":
        return "127.0.0.1:9100";
      case "auto | prefix | v4,v6":
        return "24,64";
      case "address:AS:password:multihop:port:mpbgp:bfd, comma separated":
        return "192.0.2.1:65001::true";
      case "JSON object":
        return "{\"team\":\"net\"}";
      default:
        return "sample-" + s.property().replace('.', '-');
    }
  }
}
