package org.coverageengine.adapter.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response leaves whole, with a Content-Length that matches its body (not as HTTP chunks: HAPI flushes after
 * every JSON value, and each flush used to become a chunk and a system call).
 */
class ResponseDeliveryTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String fiftyLines() {
        List<String> lines = new ArrayList<>();
        String[] codes = {"95940", "95941", "95925", "95926", "95938", "95907", "95908", "95860", "95930", "95937"};
        lines.add("63047:M48.061");
        for (int i = 0; i < 49; i++) {
            lines.add(codes[i % codes.length] + ":M48.061");
        }
        return RunningServer.FHIR.newJsonParser().encodeResourceToString(Requests.request(lines.toArray(String[]::new)));
    }

    static Stream<Arguments> exchanges() {
        String submit = RunningServer.SERVER.baseUrl() + "/CoverageEligibilityRequest/$submit";
        String xml = RunningServer.FHIR.newXmlParser().encodeResourceToString(Requests.request("61510:C71.1", "95940:C71.1"));
        return Stream.of(
                Arguments.of("a 50-line answer in JSON", post(submit, "application/fhir+json", fiftyLines()), CoverageEligibilityResponse.class, 200),
                Arguments.of("an answer in XML", post(submit, "application/fhir+xml", xml), CoverageEligibilityResponse.class, 200),
                Arguments.of("a 400 OperationOutcome", post(submit, "application/fhir+json", "{\"resourceType\":\"Patient\"}"),
                        OperationOutcome.class, 400),
                Arguments.of("a 415 OperationOutcome", post(submit, "text/plain", "hello"), OperationOutcome.class, 415),
                Arguments.of("the CapabilityStatement", HttpRequest.newBuilder(URI.create(RunningServer.SERVER.baseUrl() + "/metadata"))
                        .header("Accept", "application/fhir+json").GET().build(), CapabilityStatement.class, 200));
    }

    private static HttpRequest post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void leavesWholeWithItsLength(String name, HttpRequest request, Class<? extends IBaseResource> type, int status) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(status, response.statusCode(), name);
        assertEquals(String.valueOf(response.body().length), response.headers().firstValue("Content-Length").orElse("absent"), name);
        assertFalse(response.headers().firstValue("Transfer-Encoding").isPresent(), name + " is not chunked");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        IBaseResource parsed = body.startsWith("<") ? RunningServer.FHIR.newXmlParser().parseResource(body)
                : RunningServer.FHIR.newJsonParser().parseResource(body);
        assertTrue(type.isInstance(parsed), name + ": " + parsed.getClass().getSimpleName());
    }

    @Test
    @DisplayName("a 50-line answer has all 50 items, in order")
    void fiftyLineAnswerIsComplete() throws Exception {
        String submit = RunningServer.SERVER.baseUrl() + "/CoverageEligibilityRequest/$submit";
        HttpResponse<String> response = CLIENT.send(post(submit, "application/fhir+json", fiftyLines()), HttpResponse.BodyHandlers.ofString());
        CoverageEligibilityResponse answer = RunningServer.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, response.body());
        assertEquals(50, answer.getInsuranceFirstRep().getItem().size());
        assertEquals("63047", answer.getInsuranceFirstRep().getItem().get(0).getProductOrService().getCodingFirstRep().getCode());
        assertEquals("95940", answer.getInsuranceFirstRep().getItem().get(1).getProductOrService().getCodingFirstRep().getCode());
    }

    @Test
    @DisplayName("a client that accepts gzip gets the compressed body whole, its length that of the compressed bytes")
    void gzip() throws IOException, InterruptedException {
        String submit = RunningServer.SERVER.baseUrl() + "/CoverageEligibilityRequest/$submit";
        HttpRequest request = HttpRequest.newBuilder(URI.create(submit)).header("Content-Type", "application/fhir+json")
                .header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString(fiftyLines())).build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(String.valueOf(response.body().length), response.headers().firstValue("Content-Length").orElse("absent"));
        byte[] plain = response.body();
        if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                plain = in.readAllBytes();
            }
            assertTrue(plain.length > response.body().length, "compressed");
        }
        CoverageEligibilityResponse answer = RunningServer.FHIR.newJsonParser()
                .parseResource(CoverageEligibilityResponse.class, new String(plain, StandardCharsets.UTF_8));
        assertEquals(50, answer.getInsuranceFirstRep().getItem().size());
    }
}
