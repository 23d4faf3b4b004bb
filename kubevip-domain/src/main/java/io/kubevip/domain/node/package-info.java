// SPDX-License-Identifier: Apache-2.0
/** Nodes as the domain sees them: identities, interfaces, kernel routes and which nodes serve a Service. */
package io.kubevip.domain.node;
