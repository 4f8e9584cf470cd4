package org.coverageengine.domain.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * One answer as kept: its id (the CoverageEligibilityResponse id, also the coverage-assertion id), when it was
 * created, who asked, the request's patient, coverages and own reference as given, the lines with their outcomes,
 * reasons and citations, the policy and knowledge versions used, how long deciding took, the response as sent and
 * its processing outcome.
 */
public record RecordedDetermination(String id, Instant created, ClientIdentity client, PartyReference patient,
        List<PartyReference> coverages, String requestReference, LocalDate dateOfService, LineOfBusiness lineOfBusiness,
        List<RecordedLine> lines, List<PolicyVersionUsed> policyVersions, String knowledgeVersion, Duration took,
        ProcessingOutcome processingOutcome, SentResponse response) {

    /** Checks what every record must have and copies the lists; the client, request reference and lines of business may be absent. */
    public RecordedDetermination {
        Objects.requireNonNull(id, "id");
        // Databases keep microseconds; truncating here makes what is read back equal what was kept.
        created = created.truncatedTo(ChronoUnit.MICROS);
        patient = patient == null ? PartyReference.none() : patient;
        coverages = List.copyOf(coverages);
        lines = List.copyOf(lines);
        policyVersions = List.copyOf(policyVersions);
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(processingOutcome, "processingOutcome");
        Objects.requireNonNull(response, "response");
    }

    /** Who asked, when authentication was on. */
    public Optional<ClientIdentity> clientIdentity() {
        return Optional.ofNullable(client);
    }

    /** True when a line of this answer needs prior authorization. */
    public boolean needsPriorAuthorization() {
        return lines.stream().anyMatch(RecordedLine::priorAuthorizationRequired);
    }
}
