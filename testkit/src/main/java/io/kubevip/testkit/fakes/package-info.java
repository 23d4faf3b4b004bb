// SPDX-License-Identifier: Apache-2.0
/**
 * In-memory fakes for every out-port: they keep state like the real thing, record every call (for "what was
 * done in which order" assertions) and can be told to fail. Each passes its port's contract in
 * {@code io.kubevip.testkit.contract}. Thread-safe; callbacks and listeners run synchronously on the caller's
 * thread, so tests need no waiting.
 */
package io.kubevip.testkit.fakes;
