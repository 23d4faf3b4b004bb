// SPDX-License-Identifier: Apache-2.0
package io.kubevip.app.boot;

import io.kubevip.app.config.DataPlaneMode;

/**
 * Bean contributed by the active mode configuration; exactly one exists per context.
 *
 * @param mode the mode whose configuration class was loaded
 */
public record ModeMarker(DataPlaneMode mode) {}
