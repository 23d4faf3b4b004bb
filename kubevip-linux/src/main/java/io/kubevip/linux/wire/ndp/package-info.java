// SPDX-License-Identifier: Apache-2.0
/** IPv6 Neighbor Discovery messages (RFC 4861 §4.3, §4.4) as ICMPv6 bodies. */
package io.kubevip.linux.wire.ndp;
