package org.coverageengine.adapter.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A small HTTP server on 127.0.0.1 standing in for the authorization server (JWKS, introspection), counting calls. */
final class LoopbackServer implements AutoCloseable {

    /** What the fake answers: a status and a JSON body. */
    record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Function<Exchange, Answer> handler;
    private volatile Exchange last;

    /** What the fake was sent. */
    record Exchange(String method, String body, String authorization, String contentType) {
    }

    LoopbackServer(Function<Exchange, Answer> handler) throws IOException {
        this.handler = handler;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange http) throws IOException {
        calls.incrementAndGet();
        Exchange exchange = new Exchange(http.getRequestMethod(),
                new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                http.getRequestHeaders().getFirst("Authorization"),
                http.getRequestHeaders().getFirst("Content-Type"));
        last = exchange;
        Answer answer = handler.apply(exchange);
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(answer.status(), body.length);
        http.getResponseBody().write(body);
        http.close();
    }

    void answer(Function<Exchange, Answer> newHandler) {
        this.handler = newHandler;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int calls() {
        return calls.get();
    }

    Exchange last() {
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
