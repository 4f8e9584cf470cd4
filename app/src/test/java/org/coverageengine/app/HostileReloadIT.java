package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reloading under a careless or hostile pack author, against the built jar over real HTTP: only a whole pack (one
 * that matches its MANIFEST.csv) is ever published, an unchanged pack is not republished, an oversized file is
 * refused without ending the schedule, and a bad pack at start is one line per problem and exit 4.
 */
class HostileReloadIT {

    static final Path EXAMPLE = Paths.get("..", "docs", "examples", "acme-pt");
    static final Pattern VERSION = Pattern.compile("\"valueString\":\"#(\\d+) \\[");
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String REQUEST = "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"servicedDate\":\"2025-03-10\","
            + "\"item\":[{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]}}]}";

    Path pack;
    JarProcess jar;
    String base;

    @BeforeEach
    void copyPack() throws Exception {
        pack = Files.createTempDirectory("cpe-reload-pack");
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, pack.resolve(file.getFileName()));
            }
        }
        writeManifest();
    }

    @AfterEach
    void stop() throws IOException {
        if (jar != null) {
            jar.close();
        }
        try (Stream<Path> files = Files.list(pack)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(pack);
    }

    void serve(String... extra) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--pack", pack.toString(),
                "--reload-every", "1", "--max-pack-file-bytes", "65536"));
        args.addAll(List.of(extra));
        jar = JarProcess.start(args.toArray(String[]::new));
        assertThat(jar.awaitOutput("Started in", 60_000)).as("%s%s", jar.out(), jar.err()).isTrue();
        base = "http://127.0.0.1:" + port + "/fhir";
    }

    /** The generation of the knowledge that answered (the "#N" of its version label). */
    int generation() throws Exception {
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/CoverageEligibilityRequest/$submit"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        Matcher version = VERSION.matcher(reply.body());
        assertThat(version.find()).as(reply.body()).isTrue();
        return Integer.parseInt(version.group(1));
    }

    void writeManifest() throws Exception {
        StringBuilder manifest = new StringBuilder("file,bytes,sha256\n");
        try (Stream<Path> files = Files.list(pack)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("MANIFEST.csv")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                manifest.append(file.getFileName()).append(',').append(bytes.length).append(',')
                        .append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).append('\n');
            }
        }
        Path temporary = pack.resolve("MANIFEST.csv.tmp");
        Files.writeString(temporary, manifest, StandardCharsets.UTF_8);
        Files.move(temporary, pack.resolve("MANIFEST.csv"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits up to the time for the server to answer from a generation other than the given one. */
    int awaitGenerationOtherThan(int generation, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        int now = generation();
        while (now == generation && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            now = generation();
        }
        return now;
    }

    long count(String text, String in) {
        return in.lines().filter(line -> line.contains(text)).count();
    }

    @Test
    @DisplayName("an unchanged pack is not republished, however many intervals pass")
    void unchangedPackStays() throws Exception {
        serve();
        int first = generation();
        Thread.sleep(3_500);
        assertThat(generation()).isEqualTo(first);
        assertThat(jar.err()).doesNotContain("Reloaded knowledge");
    }

    @Test
    @DisplayName("a pack caught half-written (files that disagree with the manifest) is never published; the whole one is")
    void halfWrittenPackIsRefusedThenTheWholeOneIsPublished() throws Exception {
        serve();
        int first = generation();
        Files.writeString(pack.resolve("statements.csv"), "PT-100,90,HALF,Section,TRACTION,,,decide,not-covered,Half writ",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(3_500);
        assertThat(generation()).as("a half-written pack keeps the knowledge in force").isEqualTo(first);
        String log = jar.err();
        assertThat(count("Reload refused", log)).as("the failure is logged once, not every interval: %s", log).isEqualTo(1);
        assertThat(log).contains("MANIFEST.csv").doesNotContain("\tat ");

        Files.writeString(pack.resolve("statements.csv"), "ten.\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        writeManifest();
        assertThat(awaitGenerationOtherThan(first, 10_000)).as("the completed pack is published").isGreaterThan(first);
    }

    @Test
    @DisplayName("an oversized file is refused before it is read, and the schedule goes on")
    void oversizedFileKeepsTheScheduleAlive() throws Exception {
        serve();
        int first = generation();
        Path criteria = pack.resolve("criteria.csv");
        byte[] good = Files.readAllBytes(criteria);
        Files.writeString(criteria, new String(good, StandardCharsets.UTF_8) + "#".repeat(70_000), StandardCharsets.UTF_8);
        writeManifest();
        Thread.sleep(3_000);
        assertThat(generation()).isEqualTo(first);
        assertThat(jar.err()).contains("larger than the limit of 65536 bytes").doesNotContain("\tat ");

        Files.write(criteria, good);
        Files.writeString(pack.resolve("statements.csv"),
                "PT-100,95,LATE,Section,TRACTION,,,decide,not-covered,Added after the oversized file was fixed.\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        writeManifest();
        assertThat(awaitGenerationOtherThan(first, 10_000)).as("the schedule survived the refusal").isGreaterThan(first);
    }

    @Test
    @DisplayName("a bad pack at start: one line per problem, at most 20 then a count, exit 4, no stack trace")
    void badPackAtStart() throws Exception {
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 23; i++) {
            bad.append("PT-100,").append(200 + i).append(",BAD").append(i).append(",Section,NO_SUCH_GROUP_").append(i)
                    .append(",,,decide,not-covered,Bad.\n");
        }
        Files.writeString(pack.resolve("statements.csv"), bad, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        writeManifest();
        jar = JarProcess.start("serve", "--port", "0", "--pack", pack.toString());
        assertThat(jar.waitFor()).isEqualTo(4);
        String printed = jar.out() + jar.err();
        assertThat(count("unknown group 'NO_SUCH_GROUP_", printed)).isEqualTo(20);
        assertThat(printed).contains("... and 3 more").doesNotContain("\tat ", "Exception");
        assertThat(printed).containsPattern("statements\\.csv:\\d+:\\d+: unknown group 'NO_SUCH_GROUP_0'");
    }
}
