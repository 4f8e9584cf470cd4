package org.coverageengine.adapter.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile corpus against the real HTTP endpoint (default limits: 1 MiB, 500 items): each case gets its documented
 * 4xx with an OperationOutcome, or a valid response; never a 5xx; and the server keeps answering.
 */
class HostileInputTest {

    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";
    static final Set<Integer> OK = Set.of(200);
    static final Set<Integer> BAD = Set.of(400);
    static final Set<Integer> OK_OR_BAD = Set.of(200, 400);
    static CoverageFhirServer defaults;

    @BeforeAll
    static void start() throws Exception {
        defaults = new CoverageFhirServer("127.0.0.1", 0, FhirSettings.DEFAULTS,
                new CoverageDeterminer(RunningServer.KNOWLEDGE, Clock.systemUTC()), new PolicyDirectory(RunningServer.KNOWLEDGE)).start();
    }

    @AfterAll
    static void stop() {
        defaults.close();
    }

    static String request(String items) {
        return "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\",\"purpose\":[\"validation\"],"
                + "\"patient\":{\"reference\":\"Patient/1\"},\"created\":\"2025-03-01\",\"insurer\":{\"reference\":\"Organization/1\"},"
                + "\"servicedDate\":\"2025-03-10\",\"item\":[" + items + "]}";
    }

    static String item(String code) {
        return "{\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"" + code + "\"}]}}";
    }

    static String withQuantity(String quantity) {
        return request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},\"quantity\":{\"value\":" + quantity + "}}");
    }

    static String withDate(String date) {
        return request(item("95940")).replace("\"2025-03-10\"", "\"" + date + "\"");
    }

    static Arguments json(String name, String body, Set<Integer> expected) {
        return Arguments.of(name, JSON, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    static Arguments xml(String name, String body, Set<Integer> expected) {
        return Arguments.of(name, XML, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    static Stream<Arguments> corpus() {
        String xmlRequest = "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/>"
                + "<purpose value=\"validation\"/><patient><reference value=\"Patient/1\"/></patient><created value=\"2025-03-01\"/>"
                + "<insurer><reference value=\"Organization/1\"/></insurer></CoverageEligibilityRequest>";
        String manyItems = request(String.join(",", java.util.Collections.nCopies(10_001, "{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]}}")));
        String deepJson = request(item("95940")).replace("\"status\":\"active\"", "\"status\":\"active\",\"extension\":[{\"url\":\"x\",\"valueString\":"
                + "\"a\"," + "\"extension\":".repeat(0) + "\"_x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}]");
        String deepXml = "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\">" + "<extension url=\"x\">".repeat(5_000)
                + "</extension>".repeat(5_000) + "</CoverageEligibilityRequest>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\">"
                + "<status value=\"&lol3;\"/></CoverageEligibilityRequest>";
        byte[] invalidUtf8 = request(item("9594\u00ff")).getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBom = ("\ufeff" + request(item("95940"))).getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                json("truncated JSON", request(item("95940")).substring(0, 120), BAD),
                xml("truncated XML", xmlRequest.substring(0, 90), BAD),
                json("JSON array instead of a resource", "[]", BAD),
                json("JSON string", "\"CoverageEligibilityRequest\"", BAD),
                json("JSON number", "42", BAD),
                json("empty object", "{}", BAD),
                json("unknown resource type", "{\"resourceType\":\"Spaceship\"}", BAD),
                json("wrong resource type (Patient)", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Doe\"}]}", BAD),
                json("Bundle with zero requests", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}", BAD),
                json("Bundle with two requests", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                        + request(item("95940")) + "},{\"resource\":" + request(item("95941")) + "}]}", BAD),
                json("Bundle with a null entry", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[null]}", BAD),
                json("transaction Bundle holding the request", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                        + request(item("95940")) + "}]}", OK),
                json("Parameters without a resource", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"valueString\":\"x\"}]}", BAD),
                json("Parameters with two resources", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                        + request(item("95940")) + "},{\"name\":\"resource\",\"resource\":" + request(item("95941")) + "}]}", BAD),
                json("Parameters holding a Patient", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                        + "{\"resourceType\":\"Patient\"}}]}", BAD),
                json("dangling contained Condition reference", request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"#nowhere\"}}]}"), BAD),
                json("dangling Bundle reference", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                        + request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},\"diagnosis\":[{\"diagnosisReference\":"
                        + "{\"reference\":\"Condition/ghost\"}}]}") + "}]}", BAD),
                json("diagnosis reference to a Patient", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                        + request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},\"diagnosis\":[{\"diagnosisReference\":"
                        + "{\"reference\":\"Patient/p\"}}]}") + "},{\"fullUrl\":\"http://x/Patient/p\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}", BAD),
                json("reference that is only '#'", request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisReference\":{\"reference\":\"#\"}}]}"), BAD),
                xml("XXE external entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"&x;\"/></CoverageEligibilityRequest>", BAD),
                xml("entity expansion (billion laughs)", laughs, BAD),
                xml("DOCTYPE without entities", "<!DOCTYPE CoverageEligibilityRequest>" + xmlRequest, BAD),
                xml("XML in the wrong namespace", xmlRequest.replace("http://hl7.org/fhir", "urn:other"), OK_OR_BAD),
                xml("well-formed XML request without items", xmlRequest, OK),
                json("5,000-deep JSON nesting", deepJson, BAD),
                xml("5,000-deep XML nesting", deepXml, OK_OR_BAD),
                json("body over the 1 MiB limit", request(item("95940")).replace("\"status\":\"active\"",
                        "\"status\":\"active\",\"language\":\"" + "x".repeat(1_100_000) + "\""), Set.of(413)),
                json("10,001 items", manyItems, Set.of(413)),
                json("multi-hundred-kilobyte string within the limit", request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}],"
                        + "\"text\":\"" + "y".repeat(600_000) + "\"}}"), OK),
                Arguments.of("invalid UTF-8", JSON, invalidUtf8, BAD),
                Arguments.of("UTF-8 with a byte order mark", JSON, withBom, OK),
                Arguments.of("UTF-16 charset", "application/fhir+json; charset=utf-16", request(item("95940")).getBytes(StandardCharsets.UTF_16), Set.of(415)),
                Arguments.of("text/plain", "text/plain", "95940".getBytes(StandardCharsets.UTF_8), Set.of(415)),
                Arguments.of("application/octet-stream", "application/octet-stream", new byte[] {0, 1, 2, 3}, Set.of(415)),
                Arguments.of("multipart/form-data", "multipart/form-data; boundary=x", "--x\r\n\r\nhi\r\n--x--".getBytes(StandardCharsets.UTF_8), Set.of(415)),
                Arguments.of("no Content-Type", null, request(item("95940")).getBytes(StandardCharsets.UTF_8), Set.of(415)),
                json("empty body", "", BAD),
                json("unknown code system for the procedure", request("{\"productOrService\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                        + "\"code\":\"387713003\"}]}}"), OK),
                json("unknown code system for the diagnosis", request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisCodeableConcept\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"C71.1\"}]}}]}"), OK),
                json("negative quantity", withQuantity("-3"), BAD),
                json("fractional quantity", withQuantity("2.5"), BAD),
                json("zero quantity", withQuantity("0"), BAD),
                json("astronomical quantity", withQuantity("1e30"), BAD),
                json("quantity as a string", withQuantity("\"three\""), BAD),
                json("date in the wrong format", withDate("03/10/2025"), BAD),
                json("impossible date", withDate("2025-13-45"), BAD),
                json("year-only date", withDate("2025"), BAD),
                json("null item", request("null"), OK_OR_BAD),
                json("null among items", request("null," + item("95940")), OK_OR_BAD),
                json("item with neither code nor category", request("{\"quantity\":{\"value\":1}}"), BAD),
                json("diagnosis without a coding", request("{\"productOrService\":{\"coding\":[{\"code\":\"95940\"}]},"
                        + "\"diagnosis\":[{\"diagnosisCodeableConcept\":{\"text\":\"bad back\"}}]}"), BAD),
                json("item as an object, not an array", request(item("95940")).replace("\"item\":[", "\"item\":").replace("]}", "}"), OK_OR_BAD),
                json("duplicate keys", request(item("95940")).replace("\"status\":\"active\"", "\"status\":\"active\",\"status\":\"cancelled\""), OK_OR_BAD),
                json("trailing comma", request(item("95940") + ","), BAD),
                json("escaped control characters in a code", request(item("959\\u0001\\u0007")), OK),
                json("a code of NUL characters (fuzzing finding)", request(item("\\u0000\\u0000\\u0000")), OK),
                json("a code of NUL characters without a system (HAPI trims it to empty)",
                        request("{\"productOrService\":{\"coding\":[{\"code\":\"\\u0000\\u0000\"}]}}"), OK),
                json("an empty JSON key inside an element (HAPI parser fault, fuzzing finding)",
                        request(item("95940")).replace("\"patient\":{", "\"patient\":{\"\":\"x\","), BAD),
                json("raw control characters in a string", request(item("959\u0001\u0007")), BAD),
                json("10,000-character code", request(item("9".repeat(10_000))), OK),
                json("emoji in a code", request(item("95\uD83D\uDE00940")), OK),
                json("SQL and script in a code", request(item("95940'; DROP TABLE claims;--<script>alert(1)</script>")), OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void neverA5xx(String name, String contentType, byte[] body, Set<Integer> expected) {
        RunningServer.Reply reply = post(contentType, body);
        assertTrue(reply.status() < 500, name + ": " + reply.status() + " " + abbreviate(reply.body()));
        assertTrue(expected.contains(reply.status()), name + ": expected " + expected + ", got " + reply.status() + " " + abbreviate(reply.body()));
        if (reply.status() == 200) {
            CoverageEligibilityResponse response = reply.as(CoverageEligibilityResponse.class);
            assertEquals(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE, response.getStatus());
        } else {
            OperationOutcome outcome = reply.as(OperationOutcome.class);
            assertFalse(outcome.getIssueFirstRep().getDiagnostics().isBlank(), name);
            assertFalse(reply.body().contains("root:x:0:0"), "no file content leaks");
        }
    }

    @Test
    void corpusHasAtLeastFortyCases() {
        assertTrue(corpus().count() >= 40);
    }

    @Test
    void serverStillAnswersAfterTheCorpus() {
        corpus().forEach(a -> post((String) a.get()[1], (byte[]) a.get()[2]));
        RunningServer.Reply reply = post(JSON, request(item("95940")).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status());
    }

    static RunningServer.Reply post(String contentType, byte[] body) {
        return RunningServer.post(defaults.baseUrl(), "/CoverageEligibilityRequest/$submit", contentType, body);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

}
