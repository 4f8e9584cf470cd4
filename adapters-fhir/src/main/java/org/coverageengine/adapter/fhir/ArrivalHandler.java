package org.coverageengine.adapter.fhir;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Lets a request reach the servlets only once it has arrived whole, and only by the methods the server answers.
 *
 * <p>HAPI reads bodies with blocking I/O, so a client sending a byte every few seconds used to hold a worker thread
 * for as long as it liked: 60 of them held every thread. Here the body is collected as it arrives, without a thread
 * between packets, up to the body limit plus one byte (the rest, if any, is left for the 413 to drain); a request
 * whose headers and body have not arrived within the read timeout, or that arrives slower than the minimum data
 * rate, is answered 408 and its connection closed.
 *
 * <p>Methods other than GET, HEAD, POST and OPTIONS are answered 405 here, before any servlet: {@code TRACE} would
 * otherwise echo the request's headers (cookies and credentials included).
 */
final class ArrivalHandler extends Handler.Wrapper {

    private static final Set<String> METHODS = Set.of(HttpMethod.GET.asString(), HttpMethod.HEAD.asString(), HttpMethod.POST.asString(),
            HttpMethod.OPTIONS.asString());
    private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private final int maxBodyBytes;
    private final long readTimeoutNanos;

    ArrivalHandler(Handler handler, int maxBodyBytes, long readTimeoutMillis) {
        super(handler);
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!METHODS.contains(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOW);
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        Response oneDate = new OneDateResponse(request, response);
        if (!expectsContent(request)) {
            return super.handle(request, oneDate, callback);
        }
        new Arrival(request, oneDate, callback).start();
        return true;
    }

    /**
     * Sends one Date header: an error answered by HAPI after its response was reset carried two (Jetty's own, kept
     * across the reset, and a second one added again).
     */
    private static final class OneDateResponse extends Response.Wrapper {
        OneDateResponse(Request request, Response response) {
            super(request, response);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted()) {
                HttpFields.Mutable headers = getHeaders();
                if (headers.getFields(HttpHeader.DATE).size() > 1) {
                    headers.put(HttpHeader.DATE, headers.get(HttpHeader.DATE));
                }
            }
            super.write(last, content, callback);
        }
    }

    private static boolean expectsContent(Request request) {
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH && field.getLongValue() > 0
                    || field.getHeader() == HttpHeader.TRANSFER_ENCODING) {
                return true;
            }
        }
        return false;
    }

    /** One request's body on its way in: collected on each arrival of bytes, then handed on whole. */
    private final class Arrival implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private byte[] body = new byte[4096];
        private int size;
        private Scheduler.Task deadline;

        Arrival(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            long left = readTimeoutNanos - NanoTime.since(request.getBeginNanoTime());
            deadline = request.getComponents().getScheduler().schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
            run();
        }

        private void expire() {
            if (settled.compareAndSet(false, true)) {
                refuse(HttpStatus.REQUEST_TIMEOUT_408);
            }
        }

        private void refuse(int status) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, status);
        }

        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settled.compareAndSet(false, true)) {
                        deadline.cancel();
                        if (chunk.getFailure() instanceof TimeoutException) {
                            refuse(HttpStatus.REQUEST_TIMEOUT_408);
                        } else {
                            callback.failed(chunk.getFailure());
                        }
                    }
                    return;
                }
                boolean last = chunk.isLast();
                append(chunk.getByteBuffer());
                chunk.release();
                if (last || size > maxBodyBytes) {
                    if (settled.compareAndSet(false, true)) {
                        deadline.cancel();
                        pass(last);
                    }
                    return;
                }
            }
        }

        private void append(ByteBuffer buffer) {
            int length = Math.min(buffer.remaining(), maxBodyBytes + 1 - size);
            if (size + length > body.length) {
                body = Arrays.copyOf(body, Math.max(size + length, Math.min(body.length * 2, maxBodyBytes + 1)));
            }
            buffer.get(body, size, length);
            size += length;
        }

        private void pass(boolean complete) {
            Request whole = new Request.Wrapper(request) {
                private Content.Chunk first = Content.Chunk.from(ByteBuffer.wrap(body, 0, size), complete);
                private boolean handedOver;

                @Override
                public Content.Chunk read() {
                    if (!handedOver) {
                        handedOver = true;
                        return first;
                    }
                    return complete ? Content.Chunk.EOF : super.read();
                }

                @Override
                public void demand(Runnable demandCallback) {
                    if (!handedOver || complete) {
                        demandCallback.run();
                    } else {
                        super.demand(demandCallback);
                    }
                }
            };
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(whole, response, callback, failure);
            }
        }
    }
}
