// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The setting types of the translation table. Each normalises to the text Spring binds. */
public final class Types {
  private Types() {}

  public static SettingType bool() {
    return new BoolType();
  }

  public static SettingType integer(long min, long max) {
    return new IntType(min, max);
  }

  public static SettingType port() {
    return new IntType(1, 65535);
  }

  public static SettingType asn() {
    return new IntType(1, 4294967295L);
  }

  /** kube-vip inputs are whole seconds; kubevip.* properties may be any duration, e.g. 800ms. */
  public static SettingType seconds(Duration min) {
    return new DurationType(ChronoUnit.SECONDS, ChronoUnit.SECONDS, min, "seconds");
  }

  /** kube-vip inputs are whole milliseconds; kubevip.* properties may be any duration. */
  public static SettingType millis(Duration min) {
    return new DurationType(ChronoUnit.MILLIS, ChronoUnit.MILLIS, min, "milliseconds");
  }

  /** A Go duration such as 200ms or 1m30s (kube-vip's debounce_time). */
  public static SettingType goDuration() {
    return new DurationType(null, ChronoUnit.SECONDS, Duration.ZERO, "Go duration");
  }

  public static SettingType text() {
    return new TextType("text");
  }

  public static SettingType path() {
    return new TextType("path");
  }

  public static SettingType oneOf(String... values) {
    return new OneOfType(List.of(values));
  }

  public static SettingType vips() {
    return new VipListType();
  }

  public static SettingType ip() {
    return new IpType();
  }

  public static SettingType hostPort() {
    return new HostPortType();
  }

  public static SettingType subnet() {
    return new SubnetType();
  }

  public static SettingType bgpPeers() {
    return new BgpPeersType();
  }

  public static SettingType jsonMap() {
    return new JsonMapType();
  }

  private record BoolType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      // Go's strconv.ParseBool set, which kube-vip uses for every boolean variable.
      switch (raw.trim()) {
        case "1": case "t": case "T": case "true": case "TRUE": case "True":
          return "true";
        case "0": case "f": case "F": case "false": case "FALSE": case "False":
          return "false";
        default:
          throw new IllegalArgumentException("is not a boolean; expected true or false");
      }
    }

    @Override
    public String describe() {
      return "boolean";
    }

    @Override
    public boolean isBoolean() {
      return true;
    }
  }

  private record IntType(long min, long max) implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      long v;
      try {
        v = Long.parseLong(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("is not a whole number; expected " + range());
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException("is out of range; expected " + range());
      }
      return Long.toString(v);
    }

    private String range() {
      return min + ".." + max;
    }

    @Override
    public String describe() {
      return "integer " + range();
    }
  }

  private record DurationType(ChronoUnit kubeVipUnit, ChronoUnit bareUnit, Duration min, String what)
      implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      String t = raw.trim();
      Duration d;
      if (origin.kubeVipStyle() && kubeVipUnit != null) {
        if (!t.matches("\\d+")) {
          throw new IllegalArgumentException("is not a whole number of " + what + "; expected e.g. "
              + (kubeVipUnit == ChronoUnit.SECONDS ? "15" : "3000")
              + " (sub-second values go in the kubevip.* property, e.g. 800ms)");
        }
        d = Durations.parse(t, kubeVipUnit);
      } else {
        d = Durations.parse(t, bareUnit);
      }
      if (d.compareTo(min) < 0) {
        throw new IllegalArgumentException("is too short; expected at least " + Durations.human(min));
      }
      return Durations.format(d);
    }

    @Override
    public String describe() {
      return what;
    }
  }

  private record TextType(String what) implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      return raw.trim();
    }

    @Override
    public String describe() {
      return what;
    }
  }

  private record OneOfType(List<String> values) implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      String v = raw.trim().toLowerCase(Locale.ROOT);
      if (!values.contains(v)) {
        throw new IllegalArgumentException("is not allowed; expected one of " + String.join(", ", values));
      }
      return v;
    }

    @Override
    public String describe() {
      return String.join(" | ", values);
    }
  }

  private record VipListType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      return String.join(",", VipList.parse(raw).texts());
    }

    @Override
    public String describe() {
      return "IPs or DNS names, comma separated";
    }
  }

  private record IpType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      return IpText.parse(raw.trim()).getHostAddress();
    }

    @Override
    public String describe() {
      return "IP address";
    }
  }

  private record HostPortType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      return HostPort.parse(raw).toString();
    }

    @Override
    public String describe() {
      return "[host]:port";
    }
  }

  private record SubnetType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      String t = raw.trim();
      if (t.equalsIgnoreCase("auto")) {
        return "auto";
      }
      String[] parts = t.split(",", -1);
      if (parts.length > 2) {
        throw new IllegalArgumentException("has too many parts; expected auto, a prefix length, or v4,v6 e.g. 32,128");
      }
      int[] max = parts.length == 2 ? new int[] {32, 128} : new int[] {128};
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        long v;
        try {
          v = Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("is not a prefix length; expected auto, 1..128, or v4,v6 e.g. 32,128");
        }
        if (v < 1 || v > max[i]) {
          throw new IllegalArgumentException("has prefix /" + v + " out of range; expected 1.." + max[i]
              + (parts.length == 2 ? (i == 0 ? " for IPv4" : " for IPv6") : ""));
        }
        out.append(i == 0 ? "" : ",").append(v);
      }
      return out.toString();
    }

    @Override
    public String describe() {
      return "auto | prefix | v4,v6";
    }
  }

  private record BgpPeersType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      BgpPeerParser.parseAll(raw);
      return raw.trim();
    }

    @Override
    public String describe() {
      return "address:AS:password:multihop:port:mpbgp:bfd, comma separated";
    }
  }

  private record JsonMapType() implements SettingType {
    @Override
    public String normalize(String raw, Origin origin) {
      Object parsed;
      try {
        parsed = new org.yaml.snakeyaml.Yaml().load(raw);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("is not JSON; expected an object like {\"key\":\"value\"}");
      }
      if (!(parsed instanceof java.util.Map)) {
        throw new IllegalArgumentException("is not a JSON object; expected {\"key\":\"value\"}");
      }
      return raw.trim();
    }

    @Override
    public String describe() {
      return "JSON object";
    }
  }
}
