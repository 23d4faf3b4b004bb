// SPDX-License-Identifier: Apache-2.0
/** BGP-4 announce-only speaker with BFD. */
package io.kubevip.adapter.bgp;
