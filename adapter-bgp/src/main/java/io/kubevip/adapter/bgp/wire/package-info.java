// SPDX-License-Identifier: Apache-2.0
/**
 * BGP-4 wire codec (RFC 4271 with RFC 4760, 6793, 2918, 4724, 1997, 8092, 7606, 9003): immutable message
 * records, one {@code parse(ByteBuffer)} entry point, and {@link io.kubevip.adapter.bgp.wire.BgpDecodeException}
 * as the only failure, carrying the NOTIFICATION the peer must get. Imports {@code java.*} only, so it can be
 * fuzzed and reused without the speaker.
 */
package io.kubevip.adapter.bgp.wire;
