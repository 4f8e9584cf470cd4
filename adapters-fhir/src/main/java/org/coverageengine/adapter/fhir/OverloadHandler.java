package org.coverageengine.adapter.fhir;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works on a bounded number of requests at once; others wait, without a thread, for at most the queue timeout and
 * are then answered 503 with {@code Retry-After}, as are those beyond the queue's length. Each such refusal of a FHIR
 * request is audited like any other refused request, without waiting for the record's commit.
 */
final class OverloadHandler extends QoSHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OverloadHandler.class);
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AnswerRecorder recorder;
    private final AtomicLong unaudited = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    OverloadHandler(Handler handler, int maxConcurrent, int maxQueued, Duration queueTimeout, AnswerRecorder recorder) {
        super(handler);
        this.recorder = recorder;
        setMaxRequestCount(maxConcurrent);
        setMaxSuspendedRequestCount(maxQueued);
        setMaxSuspend(queueTimeout);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        askToRetry(response, status);
        audit(request, status);
        super.reject(request, response, callback, status);
    }

    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        // Audited in failSuspended, which Jetty calls for the expiry.
        askToRetry(response, HttpStatus.SERVICE_UNAVAILABLE_503);
        super.expireSuspended(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        askToRetry(response, status);
        audit(request, status);
        super.failSuspended(request, response, callback, status, failure);
    }

    private void audit(Request request, int status) {
        String path = request.getHttpURI().getPath();
        if (recorder == null || path == null || !(path.equals("/fhir") || path.startsWith("/fhir/"))) {
            return;
        }
        if (!recorder.auditOverloadRefusal(request.getMethod(), path, request.getHttpURI().getQuery(), status)) {
            long count = unaudited.incrementAndGet();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warn("{} request(s) refused for overload could not be audited (the record is unreachable or full)", count);
            }
        }
    }

    private static void askToRetry(Response response, int status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503 && !response.isCommitted()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }
}
