// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.bgp;

import io.kubevip.adapter.bgp.PeerStatus;
import java.util.List;

/** The speaker's per-peer state as metrics and health read it; a seam so tests need no speaker. */
@FunctionalInterface
public interface BgpSessions {
  /** One status per configured peer, in configuration order. */
  List<PeerStatus> status();
}
