// SPDX-License-Identifier: Apache-2.0
package io.kubevip.domain.pool;

import io.kubevip.domain.address.IpFamily;

/** What one comma-separated entry of a {@code cidr-*}/{@code range-*} value turned out to be. */
sealed interface ParsedEntry {
  record Addresses(AddressRange range) implements ParsedEntry {}

  record Dhcp(IpFamily family) implements ParsedEntry {}

  record Bad(String message) implements ParsedEntry {}
}
