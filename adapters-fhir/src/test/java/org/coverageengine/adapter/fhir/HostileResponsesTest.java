package org.coverageengine.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the answers themselves give away or promise, over real HTTP: an unknown charset is a 415, never a 500; no
 * answer names the libraries or Java classes behind the server; every answer forbids sniffing and storing; the
 * format is JSON unless the client asks; a subsetted $submit answer is refused.
 */
class HostileResponsesTest {

    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?:java|javax|jakarta|com|org\\.eclipse|org\\.hl7\\.fhir|ca\\.uhn)\\.[a-z]+\\.|[A-Z]\\w*(?:Exception|Error)\\b|HAPI|row,col|Line number");
    static final String SUBMIT = "/CoverageEligibilityRequest/$submit";
    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";
    static final String XML_REQUEST = "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/><item><productOrService>"
            + "<coding><code value=\"95940\"/></coding></productOrService></item></CoverageEligibilityRequest>";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> send(String method, String path, String contentType, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningServer.SERVER.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> submit(String contentType, String body) {
        return send("POST", SUBMIT, contentType, null, body);
    }

    static String json(String... codes) {
        return RunningServer.FHIR.newJsonParser().encodeResourceToString(Requests.request(codes));
    }

    @ParameterizedTest(name = "charset {0}")
    @ValueSource(strings = {"x", "\"x\"", "utf-16", "latin1", "no such charset", "", "\u00e9t\u00e9", "utf-8-but-not-really-utf-8-and-very-long-indeed-beyond-forty"})
    @DisplayName("a charset other than UTF-8, known to Java or not, is a 415 OperationOutcome naming Content-Type")
    void unknownCharsetIs415(String charset) {
        HttpResponse<String> reply = submit("application/fhir+json; charset=" + charset, json("95940"));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(415);
        OperationOutcome outcome = RunningServer.FHIR.newJsonParser().parseResource(OperationOutcome.class, reply.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("Content-Type");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("UTF-8").hasSizeLessThan(120);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
    }

    @Test
    @DisplayName("the 415 for an unknown charset is in XML when the client asks for XML")
    void unknownCharsetAnsweredInTheAskedFormat() {
        HttpResponse<String> reply = send("POST", SUBMIT, "application/fhir+xml; charset=x", XML, XML_REQUEST);
        assertThat(reply.statusCode()).isEqualTo(415);
        assertThat(RunningServer.FHIR.newXmlParser().parseResource(OperationOutcome.class, reply.body()).getIssue()).hasSize(1);
    }

    @Test
    @DisplayName("UTF-8 declared in any spelling is read")
    void utf8Spellings() {
        for (String type : new String[] {"application/fhir+json;charset=UTF-8", "application/fhir+json; charset=\"utf-8\"", "application/json; CHARSET=utf8"}) {
            assertThat(submit(type, json("95940")).statusCode()).as(type).isEqualTo(200);
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("$submit answered", "POST", SUBMIT, JSON, json("95940"), 200),
                Arguments.of("$submit refused (400)", "POST", SUBMIT, JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",", 400),
                Arguments.of("$submit in XML", "POST", SUBMIT, XML, XML_REQUEST, 200),
                Arguments.of("$submit with an unknown charset (415)", "POST", SUBMIT, "application/fhir+json; charset=x", json("95940"), 415),
                Arguments.of("$submit without Content-Type (415)", "POST", SUBMIT, null, json("95940"), 415),
                Arguments.of("$submit with _summary (400)", "POST", SUBMIT + "?_summary=true", JSON, json("95940"), 400),
                Arguments.of("CapabilityStatement", "GET", "/metadata", null, null, 200),
                Arguments.of("unknown resource type", "GET", "/Spaceship/1", null, null, 404),
                Arguments.of("unknown CodeSystem", "GET", "/CodeSystem/nope", null, null, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    @DisplayName("every answer: no X-Powered-By, nosniff, no-store, and no Java or HAPI names in the body")
    void headersOnEveryAnswer(String name, String method, String path, String contentType, String body, int status) {
        HttpResponse<String> reply = send(method, path, contentType, null, body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(reply.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(reply.headers().allValues("Cache-Control")).containsExactly("no-store");
        if (status >= 400) {
            assertThat(JAVA_NAMES.matcher(reply.body()).find()).as(reply.body()).isFalse();
        }
    }

    @Test
    @DisplayName("the CapabilityStatement names the engine, not HAPI, as its software")
    void capabilityStatementNamesTheEngine() {
        HttpResponse<String> reply = send("GET", "/metadata", null, JSON, null);
        CapabilityStatement statement = RunningServer.FHIR.newJsonParser().parseResource(CapabilityStatement.class, reply.body());
        assertThat(statement.getSoftware().getName()).isEqualTo("Coverage Policy Engine");
        assertThat(statement.getSoftware().getVersion()).isEqualTo(CoverageRestfulServer.SOFTWARE_VERSION);
        assertThat(reply.body()).doesNotContainIgnoringCase("hapi").doesNotContain("8.8.1");
    }

    static Stream<Arguments> errorBodies() {
        String request = "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"item\":[";
        String xml = "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\">";
        return Stream.of(
                Arguments.of("truncated JSON", JSON, request),
                Arguments.of("JSON syntax error", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",,}"),
                Arguments.of("JSON number beyond BigDecimal", JSON, request + "{\"quantity\":{\"value\":1e99999999999}}]}"),
                Arguments.of("JSON boolean as a word", JSON, request + "{\"productOrService\":{\"coding\":[{\"userSelected\":\"yes\"}]}}]}"),
                Arguments.of("JSON array where an object is due", JSON, request + "{\"productOrService\":[1]}]}"),
                Arguments.of("JSON string where an array is due", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"item\":\"x\"}"),
                Arguments.of("JSON without resourceType", JSON, "{\"item\":[]}"),
                Arguments.of("JSON unknown resource type", JSON, "{\"resourceType\":\"Spaceship\"}"),
                Arguments.of("JSON empty key (HAPI parser fault)", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"\":\"x\"}}"),
                Arguments.of("XML truncated", XML, xml + "<item>"),
                Arguments.of("XML bad code", XML, xml + "<status value=\"nope\"/></CoverageEligibilityRequest>"),
                Arguments.of("XML bad decimal", XML, xml + "<status value=\"active\"/><item><quantity><value value=\"abc\"/></quantity></item>"
                        + "</CoverageEligibilityRequest>"),
                Arguments.of("XML not XML", XML, "not xml at all"),
                Arguments.of("XML unknown element root", XML, "<Spaceship xmlns=\"http://hl7.org/fhir\"/>"),
                Arguments.of("dangling reference", JSON, request + "{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"#nowhere\"}}]}]}"),
                Arguments.of("reference to the wrong type", JSON, "{\"resourceType\":\"CoverageEligibilityRequest\",\"contained\":[{\"resourceType\":"
                        + "\"Patient\",\"id\":\"p\"}],\"item\":[{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"#p\"}}]}]}"),
                Arguments.of("wrong resource", JSON, "{\"resourceType\":\"Patient\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorBodies")
    @DisplayName("400 bodies say what and where without Java class names, parser internals or HAPI's message codes")
    void errorBodiesNameNoJavaClass(String name, String contentType, String body) {
        HttpResponse<String> reply = submit(contentType, body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        assertThat(JAVA_NAMES.matcher(reply.body()).find()).as(reply.body()).isFalse();
        assertThat(reply.body()).doesNotContain("System Id", "Public Id", "Source:");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("XML body, no Accept", XML, XML_REQUEST, null, "", JSON),
                Arguments.of("XML body, Accept */*", XML, XML_REQUEST, "*/*", "", JSON),
                Arguments.of("XML body, Accept text/html", XML, XML_REQUEST, "text/html", "", JSON),
                Arguments.of("XML body, Accept FHIR XML", XML, XML_REQUEST, XML, "", XML),
                Arguments.of("XML body, _format=xml", XML, XML_REQUEST, null, "?_format=xml", XML),
                Arguments.of("JSON body, Accept FHIR XML", JSON, json("95940"), XML, "", XML),
                Arguments.of("JSON body, _format=xml", JSON, json("95940"), null, "?_format=xml", XML),
                Arguments.of("JSON body, no Accept", JSON, json("95940"), null, "", JSON),
                Arguments.of("XML body, Accept JSON", XML, XML_REQUEST, "application/json", "", JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("the answer is JSON unless the client asks for XML (Accept or _format)")
    void jsonUnlessAsked(String name, String contentType, String body, String accept, String query, String expected) {
        HttpResponse<String> reply = send("POST", SUBMIT + query, contentType, accept, body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"?_summary=true", "?_summary=text", "?_summary=data", "?_summary=count", "?_elements=status", "?_summary=true&_format=xml"})
    @DisplayName("a subsetted $submit answer is refused with 400 naming the parameter")
    void subsettingRefused(String query) {
        HttpResponse<String> reply = send("POST", SUBMIT + query, JSON, null, json("95940"));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).containsAnyOf("_summary", "_elements");
    }

    @Test
    @DisplayName("_summary=false is the whole answer")
    void summaryFalseIsWhole() {
        HttpResponse<String> reply = send("POST", SUBMIT + "?_summary=false", JSON, null, json("95940", "95930"));
        CoverageEligibilityResponse response = RunningServer.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, reply.body());
        assertThat(response.getInsuranceFirstRep().getItem()).hasSize(2);
    }
}
