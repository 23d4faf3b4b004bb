// SPDX-License-Identifier: Apache-2.0
/**
 * Dependency-free codecs (java.* only) for rtnetlink, ARP and NDP. Decoders either return a valid
 * value or throw {@link io.kubevip.linux.wire.WireFormatException}.
 */
package io.kubevip.linux.wire;
