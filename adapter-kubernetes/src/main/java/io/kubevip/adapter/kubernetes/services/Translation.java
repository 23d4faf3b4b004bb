// SPDX-License-Identifier: Apache-2.0
package io.kubevip.adapter.kubernetes.services;

import io.kubevip.domain.service.ServiceIntent;
import io.kubevip.domain.service.ServiceRef;

/** What {@link ServiceTranslator} made of one Service object. */
sealed interface Translation permits Translation.Accepted, Translation.Skipped, Translation.Rejected {
  ServiceRef service();

  /** Ours; deliver the intent (which may be flagged {@code ignored}). */
  record Accepted(ServiceIntent intent) implements Translation {
    @Override
    public ServiceRef service() {
      return intent.service();
    }
  }

  /** Not ours (type or class); if it was delivered before, it is gone now. */
  record Skipped(ServiceRef service, SkipReason reason, String detail) implements Translation {}

  /** Ours but unreadable; {@code problem} names the field, the value and what was expected. */
  record Rejected(ServiceRef service, String problem) implements Translation {}
}
