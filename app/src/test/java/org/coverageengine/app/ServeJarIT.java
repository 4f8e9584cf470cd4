package org.coverageengine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: serve, answer over HTTP, stop on SIGTERM, refuse a bad pack. */
class ServeJarIT {

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("serve prints its base URL and what it loaded, answers $submit, and stops cleanly on SIGTERM")
    void serveAndStop() throws Exception {
        int port = freePort();
        Path order = SharedData.external("icd10cm-fy2025/icd10cm-order-2025.txt");
        try (JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(port), "--codes", order.toString())) {
            assertTrue(jar.awaitOutput("Started in", 60_000), jar.out() + jar.err());
            String out = jar.out();
            assertTrue(out.contains("serving FHIR R4 at http://127.0.0.1:" + port + "/fhir"), out);
            assertTrue(out.contains("policies: 3 (0509, scodes, spinal-decompression)"), out);
            assertTrue(out.contains("ICD-10-CM 9"), out);
            assertTrue(out.contains("complete code set: ICD-10-CM FY2025"), out);
            Matcher started = Pattern.compile("Started in (\\d+) ms").matcher(out);
            assertTrue(started.find());
            System.out.println("serve start (measured by the jar, including the ICD-10-CM order file): " + started.group(1) + " ms");

            String body = Files.readString(SharedData.external("fhir-r4-examples/coverageeligibilityrequest-example.json"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/fhir/CoverageEligibilityRequest/$submit"))
                    .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"resourceType\":\"CoverageEligibilityResponse\""));

            jar.process.destroy();
            assertTrue(jar.process.waitFor(15, TimeUnit.SECONDS), "stops within 15 s of SIGTERM");
            assertEquals(143, jar.process.exitValue(), "terminated by SIGTERM after the shutdown hook ran");
            assertTrue(jar.err().contains("Stopping the FHIR server"), jar.err());
        }
    }

    @Test
    @DisplayName("a bad --pack prints the import error and exits non-zero without starting")
    void badPack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.csv"), "pack_id,version,title\nbad,1,Bad pack\n");
        Files.writeString(dir.resolve("policies.csv"),
                "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\nB-1,Bad,P,2025-02-30,,commercial,,,\n");
        try (JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(freePort()), "--pack", dir.toString())) {
            int exit = jar.waitFor();
            assertNotEquals(0, exit);
            assertEquals(4, exit);
            assertTrue(jar.err().contains("policies.csv:2:4: bad date '2025-02-30'"), jar.err());
            assertFalse(jar.out().contains("serving"), jar.out());
        }
    }

    @Test
    @DisplayName("evaluate through the jar")
    void evaluateThroughJar() throws Exception {
        try (JarProcess jar = JarProcess.start("evaluate", "--date", "2025-03-10", "--line", "S3900:M54.50", "--json")) {
            assertEquals(0, jar.waitFor(), jar.err());
            assertTrue(jar.out().contains("\"outcome\":\"experimental\""), jar.out());
        }
    }

    @Test
    @DisplayName("the port in use: a clear message and exit 5")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                JarProcess jar = JarProcess.start("serve", "--port", String.valueOf(taken.getLocalPort()))) {
            assertEquals(5, jar.waitFor());
            assertTrue(jar.err().contains("could not start"), jar.err());
        }
    }
}
