// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.config;

/**
 * The winning value of one setting and where it came from, so errors and {@code kubevip config} can point at the
 * exact input the user wrote.
 *
 * @param setting the table row
 * @param value raw text as written, or null when unset
 * @param origin which input won
 * @param writtenAs the name as the user wrote it: env name, {@code --flag}, file key or property key
 * @param location file or source for config-file and property origins, else null
 */
public record ResolvedValue(Setting setting, String value, Origin origin, String writtenAs, String location) {

  public boolean isSet() {
    return value != null && !value.isBlank();
  }

  /** The setting as written plus its source, e.g. {@code vip_arp}, {@code --arp}, {@code arp (in /etc/kv.yaml)}. */
  public String where() {
    return location == null ? writtenAs : writtenAs + " (in " + location + ")";
  }

  /** The value safe to print: secrets and passwords inside {@code bgp_peers} redacted. */
  public String displayValue() {
    if (!isSet()) {
      return "";
    }
    if (setting.secret()) {
      return BgpPeerParser.REDACTED;
    }
    if (setting == SettingsTable.BGP_PEERS) {
      return BgpPeerParser.redact(value);
    }
    return value;
  }
}
