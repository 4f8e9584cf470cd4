package org.coverageengine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.coverageengine.adapter.fhir.ContentNegotiation;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The media type headers of a $submit call (input lines: Content-Type, Accept, _format): the body's format is
 * decided or refused with a 415 OperationOutcome, the answer's format is always JSON or XML, and nothing throws.
 */
class MediaTypeFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void headers(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String contentType = lines[0];
        String accept = lines.length > 1 ? lines[1] : null;
        String format = lines.length > 2 ? lines[2] : null;

        ContentNegotiation.MediaType media = ContentNegotiation.MediaType.parse(contentType);
        assertThat(media.type()).isNotNull();
        try {
            EncodingEnum encoding = ContentNegotiation.requestEncoding(contentType);
            assertThat(encoding).isIn(EncodingEnum.JSON, EncodingEnum.XML);
            assertThat(media.utf8()).as("a body is read only as UTF-8").isTrue();
        } catch (BaseServerResponseException refused) {
            assertThat(refused.getStatusCode()).isEqualTo(415);
            OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank().hasSizeLessThan(200);
            assertThat(outcome.getIssueFirstRep().getExpression()).isNotEmpty();
        }
        EncodingEnum answer = ContentNegotiation.responseEncoding(accept, format);
        assertThat(answer).isIn(EncodingEnum.JSON, EncodingEnum.XML);
        if (!ContentNegotiation.clientChoosesFormat(accept, format)) {
            assertThat(answer).as("JSON unless the client asks").isEqualTo(EncodingEnum.JSON);
        }
    }
}
