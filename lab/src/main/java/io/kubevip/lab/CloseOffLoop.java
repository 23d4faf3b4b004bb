// SPDX-License-Identifier: Apache-2.0
package io.kubevip.lab;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A watch's listener in the mock API, with its {@code onClosed} run off the server's event loop. fabric8's mock
 * (kubernetes-server-mock 8.0.0) waits in {@code WatchEventsListener.onClosed} for the watch's send thread to end;
 * when that thread is sending an event at the moment a client closes its watch (informers re-open theirs every few
 * minutes), the send needs the event loop the wait is blocking, and the whole API server answers nothing until the
 * send times out: 30 s freezes in which every node's Lease renewal failed, four times in one 10,000-Service bench run
 * (vert.x's blocked-thread warnings in the API log name that wait). Everything else is passed on as it comes.
 */
final class CloseOffLoop extends WebSocketListener {
  private static final ExecutorService CLOSERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "api-watch-close");
    t.setDaemon(true);
    return t;
  });

  private final WebSocketListener delegate;
  private final ExecutorService closers;

  CloseOffLoop(WebSocketListener delegate) {
    this(delegate, CLOSERS);
  }

  CloseOffLoop(WebSocketListener delegate, ExecutorService closers) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.closers = Objects.requireNonNull(closers, "closers");
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onPing(WebSocket webSocket, byte[] bytes) {
    delegate.onPing(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    delegate.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    closers.execute(() -> delegate.onClosed(webSocket, code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
    delegate.onFailure(webSocket, failure, response);
  }
}
