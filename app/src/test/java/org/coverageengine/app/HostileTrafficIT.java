package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shaded jar under hostile traffic over real HTTP on loopback: numbers that are ruinous to parse, clients that
 * send slowly or not at all, overload, and methods and headers that leak. Each attack is bounded in count and time;
 * for the first two a normal request is timed while the attack runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTrafficIT {

    private static final String SUBMIT = "/fhir/CoverageEligibilityRequest/$submit";
    private static final int READ_TIMEOUT_SECONDS = 3;
    private static final int IDLE_TIMEOUT_SECONDS = 4;
    /** Generous: a normal request answers in tens of milliseconds; the attacks used to hold it for 23-38 s or minutes. */
    private static final long NORMAL_BOUND_MILLIS = 2_000;

    private JarProcess jar;
    private int port;
    private byte[] normalBody;

    @BeforeAll
    void serve() throws Exception {
        port = ServeJarIT.freePort();
        jar = JarProcess.start("serve", "--port", String.valueOf(port), "--read-timeout", String.valueOf(READ_TIMEOUT_SECONDS),
                "--idle-timeout", String.valueOf(IDLE_TIMEOUT_SECONDS));
        assertThat(jar.awaitOutput("Started in", 60_000)).as(jar.out() + jar.err()).isTrue();
        normalBody = Files.readAllBytes(Path.of("../docs/examples/request-craniotomy.json"));
    }

    @AfterAll
    void stop() throws IOException {
        jar.close();
    }

    /** One HTTP/1.1 exchange on a fresh connection; the answer's status line, headers and body. */
    record Answer(int status, List<String> headers, String body) {
        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix)).map(h -> h.substring(prefix.length()).strip())
                    .toList();
        }
    }

    private Answer exchange(String method, String path, String contentType, byte[] body, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            for (String header : extraHeaders) {
                head.append(header).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                socket.getOutputStream().write(body);
            }
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), List.of(lines).subList(1, lines.length), text.substring(split + 4));
        }
    }

    private long timedNormalRequest() throws IOException {
        long started = System.nanoTime();
        Answer answer = exchange("POST", SUBMIT, "application/fhir+json", normalBody);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return millis;
    }

    private static String timings(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.size() + " normal requests: p50 " + sorted.get(sorted.size() / 2) + " ms, p99 " + sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
    }

    private static String jsonQuantity(String number) {
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"purpose\":[\"benefits\"],"
                + "\"patient\":{\"reference\":\"Patient/1\"},\"created\":\"2025-03-10\",\"insurer\":{\"reference\":\"Organization/1\"},"
                + "\"item\":[{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"95940\"}]},"
                + "\"quantity\":{\"value\":" + number + "}}]}";
    }

    private static String xmlQuantity(String number) {
        return "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/><purpose value=\"benefits\"/>"
                + "<patient><reference value=\"Patient/1\"/></patient><created value=\"2025-03-10\"/>"
                + "<insurer><reference value=\"Organization/1\"/></insurer><item><productOrService><coding>"
                + "<system value=\"http://www.ama-assn.org/go/cpt\"/><code value=\"95940\"/></coding></productOrService>"
                + "<quantity><value value=\"" + number + "\"/></quantity></item></CoverageEligibilityRequest>";
    }

    @ParameterizedTest(name = "{0} in JSON, as a JSON string and in XML: a short 400, never a 500 or a long answer")
    @ValueSource(strings = {"1e1000000", "1e50000000", "1e1000000000", "-1E-999999"})
    void hostileNumbers(String number) throws Exception {
        for (String[] body : new String[][] {{"application/fhir+json", jsonQuantity(number)}, {"application/fhir+json", jsonQuantity("\"" + number + "\"")},
                {"application/fhir+xml", xmlQuantity(number)}}) {
            long started = System.nanoTime();
            Answer answer = exchange("POST", SUBMIT, body[0], body[1].getBytes(StandardCharsets.UTF_8), "Accept: application/fhir+json");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("out of bounds").contains("line 1, column");
            assertThat(answer.body().length()).isLessThan(1_000);
            assertThat(millis).as("answered in %d ms", millis).isLessThan(NORMAL_BOUND_MILLIS);
        }
    }

    @Test
    @DisplayName("70 requests with 1e1000000 from 8 clients at once do not stall a normal request")
    void numberAttackLeavesTheServerResponsive() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                String body = i % 2 == 0 ? jsonQuantity("1e1000000") : xmlQuantity("1e1000000");
                String type = i % 2 == 0 ? "application/fhir+json" : "application/fhir+xml";
                attacks.add(attackers.submit(() -> exchange("POST", SUBMIT, type, body.getBytes(StandardCharsets.UTF_8)).status()));
            }
            List<Long> normal = new ArrayList<>();
            while (attacks.stream().anyMatch(f -> !f.isDone()) && normal.size() < 100) {
                normal.add(timedNormalRequest());
            }
            normal.add(timedNormalRequest());
            for (Future<Integer> attack : attacks) {
                assertThat(attack.get(30, TimeUnit.SECONDS)).isEqualTo(400);
            }
            System.out.println("During 70 number attacks: " + timings(normal));
            assertThat(Collections.max(normal)).isLessThan(NORMAL_BOUND_MILLIS);
        } finally {
            attackers.shutdownNow();
        }
    }

    /** An attack connection and what it sends: nothing, its headers a byte at a time, or its body a byte at a time. */
    private static final class Attacker implements AutoCloseable {
        final Socket socket = new Socket();
        final String kind;

        Attacker(int port, String kind) throws IOException {
            this.kind = kind;
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            String start = switch (kind) {
                case "slow-body" -> "POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
                        + "Content-Length: 10000\r\n\r\n{";
                case "slow-headers" -> "POST " + SUBMIT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
                default -> "";
            };
            socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
        }

        void trickle() {
            if (!kind.equals("idle")) {
                try {
                    socket.getOutputStream().write(kind.equals("slow-body") ? ' ' : 'a');
                } catch (IOException closed) {
                    // The server closed it: what the test wants.
                }
            }
        }

        /** Whether the server has answered (408) or closed the connection, waiting at most the given time. */
        boolean closedByServer(int waitMillis) {
            try {
                socket.setSoTimeout(waitMillis);
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    seen.write(b);
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    @DisplayName("1,000 idle, slow-header and slow-body connections: normal requests stay fast and the server closes every attacker")
    void slowClients() throws Exception {
        List<Attacker> attackers = new ArrayList<>();
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread trickler = new Thread(() -> {
            while (attacking.get()) {
                attackers.forEach(Attacker::trickle);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickler");
        try {
            for (int i = 0; i < 1_000; i++) {
                String kind = i < 60 ? "slow-body" : i < 120 ? "slow-headers" : "idle";
                attackers.add(new Attacker(port, kind));
            }
            List<Attacker> snapshot = List.copyOf(attackers);
            trickler.start();
            List<Long> normal = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(READ_TIMEOUT_SECONDS + 3);
            while (System.nanoTime() < until) {
                normal.add(timedNormalRequest());
                Thread.sleep(50);
            }
            System.out.println("During 60 slow-body, 60 slow-header and 880 idle connections: " + timings(normal));
            assertThat(Collections.max(normal)).isLessThan(NORMAL_BOUND_MILLIS);
            // By now every trickler is past the read timeout and every idle connection past the idle timeout.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            int closed = 0;
            for (Attacker attacker : snapshot) {
                int wait = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (attacker.closedByServer(wait)) {
                    closed++;
                }
            }
            System.out.println("Attack connections closed by the server: " + closed + " of " + snapshot.size());
            assertThat(closed).isEqualTo(snapshot.size());
            assertThat(timedNormalRequest()).isLessThan(NORMAL_BOUND_MILLIS);
        } finally {
            attacking.set(false);
            trickler.interrupt();
            for (Attacker attacker : attackers) {
                attacker.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} is answered 405 without echoing the request's headers")
    @ValueSource(strings = {"TRACE", "TRACK", "PUT", "DELETE", "PROPFIND"})
    void unsupportedMethods(String method) throws Exception {
        Answer answer = exchange(method, "/fhir/metadata", null, null, "Authorization: Bearer secret-token-123", "Cookie: session=secret-cookie-456");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).containsExactly("GET, HEAD, POST, OPTIONS");
        assertThat(String.join("\n", answer.headers()) + answer.body()).doesNotContain("secret-token-123").doesNotContain("secret-cookie-456");
    }

    @Test
    @DisplayName("CONNECT is answered 405 too")
    void connect() throws Exception {
        Answer answer = exchange("CONNECT", "example.org:443", null, null);
        assertThat(answer.status()).isIn(400, 405);
        assertThat(answer.header("Server")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: no Server header and exactly one Date header")
    @ValueSource(strings = {"metadata 200", "submit 200", "submit 400", "unknown 404", "trace 405"})
    void headers(String answerKind) throws Exception {
        Answer answer = switch (answerKind) {
            case "metadata 200" -> exchange("GET", "/fhir/metadata", null, null);
            case "submit 200" -> exchange("POST", SUBMIT, "application/fhir+json", normalBody);
            case "submit 400" -> exchange("POST", SUBMIT, "application/fhir+json", "{}".getBytes(StandardCharsets.UTF_8));
            case "unknown 404" -> exchange("GET", "/nothing-here", null, null);
            default -> exchange("TRACE", "/", null, null);
        };
        assertThat(answer.status()).isEqualTo(Integer.parseInt(answerKind.split(" ")[1]));
        assertThat(answer.header("Server")).isEmpty();
        assertThat(answer.header("Date")).hasSize(1);
    }

    @Test
    @DisplayName("overload: beyond --max-concurrent-requests and --queue-timeout, 503 with Retry-After, and the server recovers")
    void overload() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            items.append(i == 0 ? "" : ",").append("{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"")
                    .append(i % 2 == 0 ? "95940" : "95930").append("\"}]},\"diagnosis\":[{\"diagnosisCodeableConcept\":{\"coding\":[{\"system\":")
                    .append("\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"C71.1\"}]}}]}");
        }
        byte[] heavy = jsonQuantity("1").replaceFirst("\"item\":\\[.*\\]\\}$", "\"item\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
        int overloadPort = ServeJarIT.freePort();
        try (JarProcess small = JarProcess.start("serve", "--port", String.valueOf(overloadPort), "--max-concurrent-requests", "1",
                "--queue-timeout", "1")) {
            assertThat(small.awaitOutput("Started in", 60_000)).as(small.out() + small.err()).isTrue();
            int savedPort = port;
            port = overloadPort;
            ExecutorService clients = Executors.newFixedThreadPool(24);
            try {
                List<Answer> answers = new ArrayList<>();
                for (int burst = 0; burst < 3 && answers.stream().noneMatch(a -> a.status() == 503); burst++) {
                    List<Future<Answer>> sent = new ArrayList<>();
                    for (int i = 0; i < 24; i++) {
                        sent.add(clients.submit(() -> exchange("POST", SUBMIT, "application/fhir+json", heavy)));
                    }
                    for (Future<Answer> answer : sent) {
                        answers.add(answer.get(60, TimeUnit.SECONDS));
                    }
                }
                List<Integer> statuses = answers.stream().map(Answer::status).toList();
                System.out.println("Overload answers: " + statuses.stream().filter(s -> s == 200).count() + " x 200, "
                        + statuses.stream().filter(s -> s == 503).count() + " x 503");
                assertThat(statuses).contains(503).allMatch(s -> s == 200 || s == 503);
                answers.stream().filter(a -> a.status() == 503).forEach(a -> assertThat(a.header("Retry-After")).containsExactly("1"));
                assertThat(timedNormalRequest()).isLessThan(NORMAL_BOUND_MILLIS);
            } finally {
                clients.shutdownNow();
                port = savedPort;
            }
        }
    }
}
