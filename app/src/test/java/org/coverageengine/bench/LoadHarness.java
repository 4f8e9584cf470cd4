package org.coverageengine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A bounded open-loop HTTP load on loopback at fixed concurrency, in the manner of wrk2: requests fall due at a fixed
 * rate whatever the server's speed, each is sent on the first free one of CONNECTIONS keep-alive connections, and
 * its latency is measured from the moment it was due, so a slow server cannot hide its queueing (no coordinated
 * omission). One thread and non-blocking sockets: the harness takes little of the CPU it shares with the server.
 *
 * <p>Usage: {@code LoadHarness BASE_URL RATE_PER_SECOND SECONDS LINES [CONNECTIONS]} (default 16 connections).
 * Only loopback URLs are accepted. Every response must be 200 to count as a success. With
 * {@code -Dcpe.bench.token-file=PATH}, every request carries the access token in that file as a bearer token.
 */
public final class LoadHarness {

    private static final long WARM_UP_REQUESTS = 3_000;

    private final InetSocketAddress address;
    private final List<byte[]> requests;
    private final int connections;

    private LoadHarness(InetSocketAddress address, List<byte[]> requests, int connections) {
        this.address = address;
        this.requests = requests;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int lines = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the harness only targets loopback, not " + base.getHost());
        }
        // -Dcpe.load.target=order-sign sends the same code mixes as CDS Hooks order-sign calls (one ServiceRequest per line).
        boolean orderSign = "order-sign".equals(System.getProperty("cpe.load.target"));
        String path = orderSign ? base.getPath().replaceAll("/fhir$", "") + "/cds-services/order-sign-crd"
                : base.getPath() + "/CoverageEligibilityRequest/$submit";
        String mediaType = orderSign ? "application/json" : "application/fhir+json";
        String tokenFile = System.getProperty("cpe.bench.token-file");
        String authorization = tokenFile == null ? ""
                : "Authorization: Bearer " + java.nio.file.Files.readString(java.nio.file.Path.of(tokenFile)).strip() + "\r\n";
        List<byte[]> requests = new ArrayList<>();
        for (List<String> mix : BenchmarkRequests.ofSize(lines)) {
            byte[] body = (orderSign ? orderSignJson(mix) : BenchmarkRequests.fhirJson(mix)).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\n" + authorization + "Content-Type: " + mediaType + "\r\nAccept: " + mediaType + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            requests.add(request);
        }
        LoadHarness harness = new LoadHarness(new InetSocketAddress(base.getHost(), base.getPort()), requests, connections);
        harness.run(rate, WARM_UP_REQUESTS);
        Result result = harness.run(rate, (long) rate * seconds);
        System.out.printf(Locale.ROOT, (orderSign ? "order-sign " : "$submit ") + "lines=%d target=%d req/s for %d s on %d connections: completed %d/%d, throughput %.0f req/s, "
                        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, errors %d%n",
                lines, rate, seconds, connections, result.completed(), result.total(), result.throughput(), result.millis(0.50),
                result.millis(0.90), result.millis(0.99), result.millis(0.999), result.millis(1.0), result.errors());
    }

    /** A CDS Hooks order-sign request with one draft ServiceRequest per {@code CODE:DIAGNOSIS} and a prefetched Coverage. */
    static String orderSignJson(List<String> mix) {
        StringBuilder orders = new StringBuilder();
        for (int i = 0; i < mix.size(); i++) {
            String[] parts = mix.get(i).split(":");
            orders.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"ServiceRequest\",\"id\":\"sr").append(i)
                    .append("\",\"status\":\"draft\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p1\"},")
                    .append("\"occurrenceDateTime\":\"2025-03-10\",\"code\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",")
                    .append("\"code\":\"").append(parts[0]).append("\"}]}");
            if (parts.length > 1) {
                orders.append(",\"reasonCode\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"")
                        .append(parts[1]).append("\"}]}]");
            }
            orders.append("}}");
        }
        return "{\"hook\":\"order-sign\",\"hookInstance\":\"load\",\"context\":{\"userId\":\"Practitioner/u1\",\"patientId\":\"p1\","
                + "\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + orders + "]}},"
                + "\"prefetch\":{\"coverage\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Coverage\",\"id\":\"cov-1\",\"status\":\"active\",\"type\":{\"coding\":[{\"system\":"
                + "\"https://nahdo.org/sopt\",\"code\":\"5\"}]},\"beneficiary\":{\"reference\":\"Patient/p1\"},"
                + "\"payor\":[{\"display\":\"Acme Health Plan\"}]}}]}}}";
    }

    private record Result(long total, long[] latencies, int completed, long errors, double throughput) {
        double millis(double quantile) {
            long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** One keep-alive connection and the response it is reading. */
    private final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        ByteBuffer out;
        byte[] in = new byte[256 * 1024];
        int length;
        int request = -1;
        long due;
        int bodyStart = -1;
        int contentLength = -1;
        int chunkAt;

        Connection(Selector selector) throws IOException {
            channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(int index, long dueAt) throws IOException {
            request = index;
            due = dueAt;
            length = 0;
            bodyStart = -1;
            contentLength = -1;
            out = ByteBuffer.wrap(requests.get(index % requests.size()));
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what is there; returns the HTTP status once the whole response has arrived, 0 before, -1 on close. */
        int read() throws IOException {
            if (length == in.length) {
                in = Arrays.copyOf(in, in.length * 2);
            }
            int n = channel.read(ByteBuffer.wrap(in, length, in.length - length));
            if (n < 0) {
                return -1;
            }
            length += n;
            if (bodyStart < 0 && !readHead()) {
                return 0;
            }
            boolean complete = contentLength >= 0 ? length >= bodyStart + contentLength : chunksComplete();
            return complete ? status() : 0;
        }

        private boolean readHead() {
            for (int i = 3; i < length; i++) {
                if (in[i] == '\n' && in[i - 1] == '\r' && in[i - 2] == '\n' && in[i - 3] == '\r') {
                    bodyStart = i + 1;
                    String head = new String(in, 0, bodyStart, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                    int at = head.indexOf("\r\ncontent-length:");
                    if (at >= 0) {
                        contentLength = Integer.parseInt(head.substring(at + 17, head.indexOf('\r', at + 17)).trim());
                    }
                    chunkAt = bodyStart;
                    return true;
                }
            }
            return false;
        }

        /** Walks the chunks received so far; true once the last (empty) chunk and its CRLF are in. */
        private boolean chunksComplete() {
            while (true) {
                int lineEnd = -1;
                for (int i = chunkAt + 1; i < length; i++) {
                    if (in[i] == '\n' && in[i - 1] == '\r') {
                        lineEnd = i;
                        break;
                    }
                }
                if (lineEnd < 0) {
                    return false;
                }
                String size = new String(in, chunkAt, lineEnd - 1 - chunkAt, StandardCharsets.US_ASCII);
                int semicolon = size.indexOf(';');
                int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                int next = lineEnd + 1 + chunk + 2;
                if (length < next) {
                    return false;
                }
                if (chunk == 0) {
                    return true;
                }
                chunkAt = next;
            }
        }

        private int status() {
            return (in[9] - '0') * 100 + (in[10] - '0') * 10 + (in[11] - '0');
        }
    }

    private Result run(int rate, long total) throws IOException {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[(int) total];
        int completed = 0;
        long errors = 0;
        try (Selector selector = Selector.open()) {
            ArrayDeque<Connection> idle = new ArrayDeque<>();
            for (int c = 0; c < connections; c++) {
                idle.add(new Connection(selector));
            }
            ArrayDeque<Integer> due = new ArrayDeque<>();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long deadline = start + total * period + TimeUnit.SECONDS.toNanos(30);
            int issued = 0;
            long now = System.nanoTime();
            while (completed + errors < total && now < deadline) {
                while (issued < total && start + issued * period <= now) {
                    due.add(issued++);
                }
                while (!due.isEmpty() && !idle.isEmpty()) {
                    int index = due.poll();
                    idle.poll().send(index, start + index * period);
                }
                long wait = issued < total ? start + issued * period - System.nanoTime() : TimeUnit.MILLISECONDS.toNanos(5);
                if (wait > 0) {
                    // Millisecond sleeps, never a spin: a request sent up to 1 ms late still counts from its due time.
                    selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (key.isWritable()) {
                        connection.write();
                    }
                    if (key.isReadable()) {
                        int status;
                        try {
                            status = connection.read();
                        } catch (IOException | RuntimeException e) {
                            status = -1;
                        }
                        if (status == 0) {
                            continue;
                        }
                        long finished = System.nanoTime();
                        if (status == 200) {
                            latencies[connection.request] = finished - connection.due;
                            completed++;
                        } else {
                            errors++;
                        }
                        if (status < 0) {
                            key.cancel();
                            connection.channel.close();
                            idle.add(new Connection(selector));
                        } else {
                            idle.add(connection);
                        }
                    }
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
            }
            long elapsed = Math.max(1, now - start);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            // Errors: non-200 answers, broken connections, and requests still unanswered at the deadline.
            return new Result(total, latencies, completed, total - completed, completed / (elapsed / 1e9));
        }
    }
}
