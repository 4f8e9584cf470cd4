package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar's answers over real HTTP, as a careless client or an attacker sees them: status codes, headers and
 * error bodies that name nothing of the server's internals, JSON unless asked, and a log that does not flood.
 */
class HostileResponsesIT {

    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?:java|javax|jakarta|com|org\\.eclipse|org\\.hl7\\.fhir|ca\\.uhn)\\.[a-z]+\\.|[A-Z]\\w*(?:Exception|Error)\\b|HAPI|Line number|row,col");
    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";
    static final String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";
    static final String XML_REQUEST = "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/><item><productOrService>"
            + "<coding><code value=\"95940\"/></coding></productOrService></item></CoverageEligibilityRequest>";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static JarProcess jar;
    static String base;

    @BeforeAll
    static void serve() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        jar = JarProcess.start("serve", "--port", String.valueOf(port));
        assertThat(jar.awaitOutput("Started in", 60_000)).as("%s%s", jar.out(), jar.err()).isTrue();
        base = "http://127.0.0.1:" + port + "/fhir";
    }

    @AfterAll
    static void stop() throws Exception {
        jar.close();
    }

    static String request(String coverageCode) {
        String coverage = coverageCode == null ? "" : "\"contained\":[{\"resourceType\":\"Coverage\",\"id\":\"cov\",\"status\":\"active\","
                + "\"type\":{\"coding\":[{\"system\":\"" + SOPT + "\",\"code\":\"" + coverageCode + "\"}]},\"beneficiary\":{\"reference\":"
                + "\"Patient/1\"},\"payor\":[{\"reference\":\"Organization/1\"}]}],\"insurance\":[{\"coverage\":{\"reference\":\"#cov\"}}],";
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\"," + coverage + "\"servicedDate\":\"2025-03-10\","
                + "\"item\":[{\"productOrService\":{\"coding\":[{\"code\":\"S9090\"}]}}]}";
    }

    static HttpResponse<String> post(String query, String contentType, String accept, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/CoverageEligibilityRequest/$submit" + query))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("an unknown charset is a 415 OperationOutcome, not a 500, and 50 of them log no stack trace")
    void unknownCharset() throws Exception {
        long before = jar.err().lines().count();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> reply = post("", "application/fhir+json; charset=x", null, request(null));
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(415);
            assertThat(reply.body()).startsWith("{\"resourceType\":\"OperationOutcome\"").contains("UTF-8");
        }
        String log = jar.err();
        assertThat(log.lines().count() - before).as(log).isLessThanOrEqualTo(50);
        assertThat(log).doesNotContain("\tat ", "UnsupportedCharsetException");
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("answered", "", JSON, request("511"), 200),
                Arguments.of("unreadable JSON", "", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",,}", 400),
                Arguments.of("unreadable XML", "", XML, "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><item>", 400),
                Arguments.of("bad XML code", "", XML, "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"nope\"/>"
                        + "</CoverageEligibilityRequest>", 400),
                Arguments.of("bad XML decimal", "", XML, "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><item><quantity>"
                        + "<value value=\"abc\"/></quantity></item></CoverageEligibilityRequest>", 400),
                Arguments.of("JSON number beyond range", "", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"quantity\":"
                        + "{\"value\":1e99999999999}}]}", 400),
                Arguments.of("wrong type in JSON", "", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"productOrService\":[1]}]}", 400),
                Arguments.of("dangling reference", "", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":[{\"productOrService\":"
                        + "{\"coding\":[{\"code\":\"95940\"}]},\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"Condition/x\"}}]}]}", 400),
                Arguments.of("wrong resource", "", JSON, "{\"resourceType\":\"Patient\"}", 400),
                Arguments.of("summary asked", "?_summary=true", JSON, request(null), 400),
                Arguments.of("unknown charset", "", "application/fhir+json; charset=x", request(null), 415),
                Arguments.of("unsupported media type", "", "text/plain", "95940", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    @DisplayName("every $submit answer: nosniff, no-store, no X-Powered-By, and errors without Java or HAPI names")
    void headersAndBodies(String name, String query, String contentType, String body, int status) throws Exception {
        HttpResponse<String> reply = post(query, contentType, null, body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(reply.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(reply.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        if (status >= 400) {
            assertThat(JAVA_NAMES.matcher(reply.body()).find()).as(reply.body()).isFalse();
        }
    }

    @Test
    @DisplayName("the CapabilityStatement names the engine, not HAPI or its version")
    void capabilityStatement() throws Exception {
        HttpResponse<String> reply = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/metadata")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"software\":{\"name\":\"Coverage Policy Engine\"").doesNotContainIgnoringCase("hapi")
                .doesNotContain("8.8.1");
        assertThat(reply.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    @DisplayName("an XML request is answered in JSON unless the client asks for XML")
    void jsonUnlessAsked() throws Exception {
        assertThat(post("", XML, null, XML_REQUEST).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(post("", XML, "*/*", XML_REQUEST).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(post("", XML, XML, XML_REQUEST).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(XML));
        assertThat(post("?_format=xml", JSON, null, request(null)).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(XML));
    }

    @Test
    @DisplayName("SOPT 311 (TRICARE) is named in a notice, COMMERCIAL assumed, never 'no line of business given'")
    void unmappedCoverageType() throws Exception {
        HttpResponse<String> reply = post("", JSON, null, request("311"));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("Coverage type SOPT 311 (TRICARE) is not mapped to a line of business: COMMERCIAL assumed")
                .doesNotContain("No line of business was given");
        assertThat(post("", JSON, null, request("96")).body()).contains("line of business auto");
    }
}
