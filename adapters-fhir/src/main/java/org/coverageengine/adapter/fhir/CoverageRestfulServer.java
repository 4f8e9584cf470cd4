package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.ReadDeterminations;
import org.coverageengine.domain.port.in.RecordDeterminations;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The HAPI plain server: registers the $submit operation and the discovery resources, and sets what every answer
 * carries (no software banner, {@code nosniff}, {@code no-store}, JSON unless the client asks for XML).
 */
final class CoverageRestfulServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    /** The software the CapabilityStatement names. */
    static final String SOFTWARE = "Coverage Policy Engine";
    static final String SOFTWARE_VERSION = "0.1.0";

    CoverageRestfulServer(FhirContext context, FhirSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies,
            RecordDeterminations record, ReadDeterminations read, ReadAccess access) {
        super(context);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        RecordReading reading = new RecordReading(context, read, access);
        RecordSearchParameters searchParameters = new RecordSearchParameters(settings);
        setResourceProviders(List.of(new SubmitOperation(context, settings, determineCoverage, policies, record),
                new CodeSystemProvider(settings, policies), new DeterminationProvider(reading, settings), new AuditEventProvider(reading),
                searchParameters));
        setServerConformanceProvider(new OperationDefinitionProvider(this, settings.smartTokenEndpoint(), searchParameters));
        registerInterceptor(new DeterminationProvider.AsSent());
        setServerName(SOFTWARE);
        setServerVersion(SOFTWARE_VERSION);
        setImplementationDescription("Explained coverage determinations: CoverageEligibilityRequest/$submit");
        registerInterceptor(new ErrorResponses());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // Every answer may carry patient data ($submit echoes the request), errors included.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        // The raw header: the container's getContentType() itself fails on a charset Java does not know.
        ContentNegotiation.MediaType media = ContentNegotiation.MediaType.parse(request.getHeader("Content-Type"));
        if (!media.utf8()) {
            // Answered here: the servlet container fails on an unknown charset as soon as HAPI reads the parameters.
            refuseCharset(request, response, media);
            return;
        }
        super.service(NegotiatedRequest.of(request), response);
    }

    private void refuseCharset(HttpServletRequest request, HttpServletResponse response, ContentNegotiation.MediaType media) throws IOException {
        EncodingEnum encoding = ContentNegotiation.responseEncoding(request.getHeader("Accept"),
                NegotiatedRequest.queryParameter(request.getQueryString(), "_format"));
        OperationOutcome outcome = FhirErrors.outcome(OperationOutcome.IssueType.NOTSUPPORTED, "Content-Type",
                ContentNegotiation.charsetRefusal(media));
        byte[] body = (encoding == EncodingEnum.XML ? getFhirContext().newXmlParser() : getFhirContext().newJsonParser())
                .encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
        response.setStatus(415);
        // The body is left unread: a connection kept open would start the next request inside it, or be dropped
        // under a client that reuses it. Closing it says so.
        response.setHeader("Connection", "close");
        response.setContentType((encoding == EncodingEnum.XML ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8");
        response.getOutputStream().write(body);
    }

    /** Sends no {@code X-Powered-By}: the answer does not advertise the libraries the server is built on. */
    @Override
    public void addHeadersToResponse(HttpServletResponse response) {
        // Nothing: HAPI would add X-Powered-By with its name and version here.
    }
}
