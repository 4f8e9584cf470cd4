package org.coverageengine.adapter.fhir;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Works on a bounded number of requests at once; others wait, without a thread, for at most the queue timeout and
 * are then answered 503 with {@code Retry-After}, as are those beyond the queue's length.
 */
final class OverloadHandler extends QoSHandler {

    private static final String RETRY_AFTER_SECONDS = "1";

    OverloadHandler(Handler handler, int maxConcurrent, int maxQueued, Duration queueTimeout) {
        super(handler);
        setMaxRequestCount(maxConcurrent);
        setMaxSuspendedRequestCount(maxQueued);
        setMaxSuspend(queueTimeout);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        askToRetry(response, status);
        super.reject(request, response, callback, status);
    }

    @Override
    protected void expireSuspended(Request request, Response response, Callback callback) {
        askToRetry(response, HttpStatus.SERVICE_UNAVAILABLE_503);
        super.expireSuspended(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        askToRetry(response, status);
        super.failSuspended(request, response, callback, status, failure);
    }

    private static void askToRetry(Response response, int status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503 && !response.isCommitted()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }
}
