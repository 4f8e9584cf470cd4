package org.coverageengine.adapter.fhir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request headers have been arriving for longer than the read timeout.
 *
 * <p>Jetty parses headers without holding a thread, and a client that sends a byte now and then never trips the idle
 * timeout; such connections would stay open until the connection limit is reached. A sweep each second looks at
 * every connection's parser, so the cost is one check per connection per second and nothing per request.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

    private static final long SWEEP_MILLIS = 1_000;

    private final Scheduler scheduler;
    private final long timeoutNanos;
    /** Per open connection: the request whose headers were seen arriving, and since when; absent when none is. */
    private final Map<HttpConnection, Arriving> open = new ConcurrentHashMap<>();
    private volatile Scheduler.Task sweep;

    private record Arriving(long request, long sinceNanos) {
        static final Arriving NONE = new Arriving(-1, 0);
    }

    HeaderDeadline(Scheduler scheduler, long timeoutMillis) {
        this.scheduler = scheduler;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    @Override
    protected void doStart() {
        sweep = scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
        open.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.put(http, Arriving.NONE);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            open.replaceAll((connection, arriving) -> next(connection, arriving, now));
        } finally {
            if (isRunning()) {
                sweep = scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private Arriving next(HttpConnection connection, Arriving arriving, long now) {
        HttpParser parser = connection.getParser();
        if (!parser.inHeaderState() || parser.isStart() || parser.isClose() || parser.isClosed()) {
            return Arriving.NONE;
        }
        // Keyed by the request count too, so that a new request on the same connection starts a new clock.
        long request = connection.getMessagesIn();
        if (arriving.request() != request) {
            return new Arriving(request, now);
        }
        if (NanoTime.elapsed(arriving.sinceNanos(), now) > timeoutNanos) {
            connection.getEndPoint().close();
        }
        return arriving;
    }
}
