package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.adapter.jdbc.JdbcDeterminationRecord;
import org.coverageengine.adapter.jdbc.StoreAddress;
import org.coverageengine.domain.port.out.DeterminationRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The determination record against the built jar: every 200 answer has a record, also after a kill -9 under load (on
 * H2 and on PostgreSQL); 503 while PostgreSQL is stopped and answers again once it is back; an unreachable database
 * at start is one line and exit 5.
 */
class DeterminationRecordIT {

    private static final Pattern ID = Pattern.compile("\"resourceType\":\"CoverageEligibilityResponse\",\"id\":\"([0-9a-f-]{36})\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String STARTED = "Started in";

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> submit(int port, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/CoverageEligibilityRequest/$submit"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String request() throws Exception {
        return Files.readString(Path.of("..", "docs", "examples", "request-craniotomy.json"));
    }

    /** Submits from several threads until the server is killed; returns the ids answered with 200. */
    private static Set<String> loadThenKill(JarProcess jar, int port) throws Exception {
        String body = request();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> reply = submit(port, body);
                        if (reply.statusCode() == 200) {
                            Matcher id = ID.matcher(reply.body());
                            if (id.find()) {
                                answered.add(id.group(1));
                            }
                        }
                    } catch (Exception killed) {
                        // Connections fail once the server is gone; the ids answered before are what counts.
                    }
                }
                return null;
            });
        }
        Thread.sleep(4_000);
        jar.kill();
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        return answered;
    }

    private static void assertAllKept(DeterminationRecord record, Set<String> answered) {
        List<String> missing = new ArrayList<>();
        for (String id : answered) {
            if (record.read(id).isEmpty()) {
                missing.add(id);
            }
        }
        assertThat(missing).as("answered with 200 but not found after kill -9 (of %d)", answered.size()).isEmpty();
    }

    @Test
    @DisplayName("kill -9 under load on H2: every id answered with 200 is found after restart")
    void killOnH2() throws Exception {
        Path folder = Files.createTempDirectory("cpe-kill-h2");
        int port = freePort();
        Set<String> answered;
        try (JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(port), "--store", folder.toString())) {
            assertThat(jar.awaitOutput(STARTED, 60_000)).as(jar.err()).isTrue();
            answered = loadThenKill(jar, port);
        }
        assertThat(answered).hasSizeGreaterThan(10);
        try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.h2(folder), Duration.ofSeconds(10))) {
            assertAllKept(record, answered);
        }
    }

    @Test
    @DisplayName("kill -9 under load on PostgreSQL: every id answered with 200 is found")
    void killOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            int port = freePort();
            Set<String> answered;
            try (JarProcess jar = JarProcess.start(Map.of("CPE_STORE_USER", "postgres"), "serve", "--port", String.valueOf(port), "--store", url)) {
                assertThat(jar.awaitOutput(STARTED, 60_000)).as(jar.err()).isTrue();
                assertThat(jar.out()).contains("Recording every answer and audit record to PostgreSQL at " + url);
                answered = loadThenKill(jar, port);
            }
            assertThat(answered).hasSizeGreaterThan(10);
            try (JdbcDeterminationRecord record = JdbcDeterminationRecord.open(StoreAddress.postgres(url, "postgres", null), Duration.ofSeconds(10))) {
                assertAllKept(record, answered);
            }
        }
    }

    @Test
    @DisplayName("PostgreSQL stopped while serving: 503 with Retry-After, then answers again by itself once it is back")
    void databaseLostAndBack() throws Exception {
        Path data = Files.createTempDirectory("cpe-pg-data");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int dbPort = postgres.getPort();
        String url = "jdbc:postgresql://localhost:" + dbPort + "/postgres";
        int port = freePort();
        String body = request();
        try (JarProcess jar = JarProcess.start(Map.of("CPE_STORE_USER", "postgres"), "serve", "--port", String.valueOf(port), "--store", url)) {
            assertThat(jar.awaitOutput(STARTED, 60_000)).as(jar.err()).isTrue();
            assertThat(submit(port, body).statusCode()).isEqualTo(200);

            postgres.close();
            HttpResponse<String> refused = submit(port, body);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("OperationOutcome").doesNotContain("CoverageEligibilityResponse");

            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(dbPort).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                status = submit(port, body).statusCode();
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertThat(status).as("answers again within 30 s of the database's return").isEqualTo(200);
            assertThat(jar.err()).contains("recording resumes").doesNotContain("Patient/");
        } finally {
            postgres.close();
        }
    }

    @Test
    @DisplayName("database unreachable at start: one line and exit 5")
    void unreachableAtStart() throws Exception {
        int closed = freePort();
        try (JarProcess jar = JarProcess.start(Map.of("CPE_STORE_USER", "nobody"), "serve", "--port", String.valueOf(freePort()),
                "--store", "jdbc:postgresql://127.0.0.1:" + closed + "/cpe")) {
            assertThat(jar.waitFor()).isEqualTo(5);
            assertThat(jar.err().lines().filter(l -> l.startsWith("The determination record could not be opened"))).hasSize(1);
            assertThat(jar.err()).doesNotContain("\tat ");
        }
    }

    @Test
    @DisplayName("a data folder in use by another server: one line and exit 5")
    void folderInUse() throws Exception {
        Path folder = Files.createTempDirectory("cpe-locked");
        try (JarProcess first = JarProcess.start("serve", "--port", String.valueOf(freePort()), "--store", folder.toString())) {
            assertThat(first.awaitOutput(STARTED, 60_000)).as(first.err()).isTrue();
            try (JarProcess second = JarProcess.start("serve", "--port", String.valueOf(freePort()), "--store", folder.toString())) {
                assertThat(second.waitFor()).isEqualTo(5);
                assertThat(second.err()).contains("is in use by another process").doesNotContain("\tat ");
            }
        }
    }

    private static HttpResponse<String> get(int port, String pathAndQuery, String accept) throws Exception {
        String url = pathAndQuery.startsWith("http") ? pathAndQuery : "http://127.0.0.1:" + port + "/fhir" + pathAndQuery;
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Three answers, then reads and searches of them over HTTP, as a payer's staff would look one up later. */
    private static void readsAndSearchesBack(int port) throws Exception {
        String body = request();
        List<String> ids = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = submit(port, body);
            assertThat(answer.statusCode()).isEqualTo(200);
            Matcher id = ID.matcher(answer.body());
            assertThat(id.find()).isTrue();
            ids.add(id.group(1));
            sent.add(answer.body());
        }
        HttpResponse<String> json = get(port, "/CoverageEligibilityResponse/" + ids.get(0), "application/fhir+json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).as("the answer exactly as it was sent").isEqualTo(sent.get(0));
        HttpResponse<String> xml = get(port, "/CoverageEligibilityResponse/" + ids.get(0), "application/fhir+xml");
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+xml"));
        assertThat(xml.body()).contains("<CoverageEligibilityResponse").contains("value=\"" + ids.get(0) + "\"");

        HttpResponse<String> page = get(port, "/CoverageEligibilityResponse?patient=Patient/example&item-code=61510&_count=2",
                "application/fhir+json");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("\"total\":3").contains("\"relation\":\"next\"");
        Matcher next = Pattern.compile("\"relation\":\"next\",\"url\":\"([^\"]+)\"").matcher(page.body());
        assertThat(next.find()).isTrue();
        HttpResponse<String> second = get(port, next.group(1), "application/fhir+json");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"relation\":\"previous\"").contains(ids.get(0));
        assertThat(get(port, "/CoverageEligibilityResponse?item-code=00000", "application/fhir+json").body()).contains("\"total\":0");
        assertThat(get(port, "/CoverageEligibilityResponse?created=ge2000-01-01&outcome=complete&_count=0", "application/fhir+json").body())
                .contains("\"total\":3");
        assertThat(get(port, "/CoverageEligibilityResponse?colour=blue", "application/fhir+json").statusCode()).isEqualTo(400);

        HttpResponse<String> audit = get(port, "/AuditEvent?entity=CoverageEligibilityResponse/" + ids.get(0), "application/fhir+json");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).as("the submit and the read that followed").contains("\"total\":3")
                .contains("\"code\":\"operation\"").contains("\"code\":\"read\"");
    }

    @Test
    @DisplayName("read and search over HTTP on H2 (with --allow-open-read): read back as sent, paging, AuditEvents")
    void readAndSearchOnH2() throws Exception {
        int port = freePort();
        try (JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(port), "--allow-open-read")) {
            assertThat(jar.awaitOutput(STARTED, 60_000)).as(jar.err()).isTrue();
            readsAndSearchesBack(port);
        }
    }

    @Test
    @DisplayName("read and search over HTTP on PostgreSQL: read back as sent, paging, AuditEvents")
    void readAndSearchOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            int port = freePort();
            try (JarProcess jar = JarProcess.start(Map.of("CPE_STORE_USER", "postgres"), "serve", "--port", String.valueOf(port), "--store", url)) {
                assertThat(jar.awaitOutput(STARTED, 60_000)).as(jar.err()).isTrue();
                readsAndSearchesBack(port);
            }
        }
    }
}
