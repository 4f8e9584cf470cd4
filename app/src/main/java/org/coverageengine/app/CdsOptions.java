package org.coverageengine.app;

import java.io.PrintWriter;
import java.util.Optional;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.port.in.RecordDeterminations;
import picocli.CommandLine.Option;

/** The serve options of the CDS Hooks (Da Vinci CRD) services: trusted EHR clients, public URL, payers, EHR FHIR timeout. */
final class CdsOptions {

    @Option(names = "--cds-client", paramLabel = "ISS=JWKS_FILE_OR_URL",
            description = "A CDS client (EHR) trusted to call /cds-services: its JWT issuer and its public keys; repeatable. Without one,"
                    + " CDS Hooks calls are not authenticated (development only).")
    java.util.List<String> cdsClients = new java.util.ArrayList<>();

    @Option(names = "--cds-public-url", paramLabel = "URL",
            description = "The URL clients call for /cds-services (the JWT audience), e.g. https://payer.example/cds-services"
                    + " (default: this server's own URL).")
    String cdsPublicUrl;

    @Option(names = "--cds-payer", paramLabel = "NAME_OR_ID",
            description = "A payer (Coverage.payor display, identifier or reference) the CDS Hooks services answer for; repeatable"
                    + " (default: any).")
    java.util.Set<String> cdsPayers = new java.util.LinkedHashSet<>();

    @Option(names = "--cds-fhir-timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "Longest wait for the EHR's FHIR server when the Coverage was not prefetched (default: ${DEFAULT-VALUE}).")
    int cdsFhirTimeoutSeconds;

    /** Mounts the CDS Hooks services on the server; empty (after printing why) when the options are wrong. */
    Optional<CdsHooks.Mounted> mount(CoverageFhirServer server, String host, int port, FhirSettings settings, CoverageEngine engine,
            RecordDeterminations record, PrintWriter err) {
        return CdsHooks.mount(server, host, port, cdsClients, cdsPublicUrl, cdsPayers, cdsFhirTimeoutSeconds, settings, engine, record, err);
    }
}
