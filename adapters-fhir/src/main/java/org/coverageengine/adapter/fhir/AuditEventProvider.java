package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditQuery;
import org.coverageengine.domain.record.AuditRecord;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The audit trail as R4 AuditEvents: type {@code rest}, subtype the RESTful interaction, action, recorded, the
 * requesting agent, this server as observer, outcome 0/4/8 and the determination as entity; read by id, searched by
 * date, entity, agent, subtype and outcome.
 */
final class AuditEventProvider implements IResourceProvider {

    static final String TYPE = "AuditEvent";
    /** The search parameters, in the order the CapabilityStatement lists them. */
    static final List<String> PARAMETERS = List.of("date", "entity", "agent", "subtype", "outcome");
    static final String EVENT_TYPES = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTIONS = "http://hl7.org/fhir/restful-interaction";
    static final String OUTCOMES = "http://hl7.org/fhir/audit-event-outcome";
    private static final String ENTITY_TYPES = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLES = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final String SOURCE_TYPES = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String CLIENT_IDS = "urn:ietf:params:oauth:client-id";

    private final RecordReading reading;

    AuditEventProvider(RecordReading reading) {
        this.reading = reading;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    /** GET [base]/AuditEvent/{id}. */
    @Read
    public AuditEvent read(@IdParam IdType id, HttpServletRequest request) {
        reading.check(request, TYPE);
        AuditRecord audit = reading.read().readAudit(id.getIdPart())
                .orElseThrow(() -> RecordReading.notFound(TYPE, "no audit record with the id '" + id.getIdPart() + "' is kept here"));
        audit.determination().ifPresent(determination -> request.setAttribute(RecordReading.ENTITY_ATTRIBUTE, determination));
        return event(audit);
    }

    /** GET [base]/AuditEvent?...: one page of the audit trail, newest first. */
    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails details, HttpServletRequest request) {
        reading.check(request, TYPE);
        SearchCriteria criteria = SearchCriteria.of(details.getParameters(), Set.copyOf(PARAMETERS), Set.of("date"));
        AuditQuery query = AuditQuery.all(criteria.count()).page(criteria.offset(), criteria.count());
        if (!criteria.values("date").isEmpty()) {
            SearchCriteria.Period period = SearchCriteria.period("date", criteria.values("date"));
            query = query.recordedBetween(period.from(), period.before());
        }
        String entity = criteria.value("entity");
        if (entity != null) {
            query = query.withDetermination(SearchCriteria.referenceTo("entity", DeterminationProvider.TYPE, entity));
        }
        String agent = criteria.value("agent");
        if (agent != null) {
            query = query.withClient(SearchCriteria.tokenCode("agent", agent, CLIENT_IDS));
        }
        String subtype = criteria.value("subtype");
        if (subtype != null) {
            query = query.withSubtype(SearchCriteria.tokenCode("subtype", subtype, INTERACTIONS));
        }
        String outcome = criteria.value("outcome");
        if (outcome != null) {
            String code = SearchCriteria.tokenCode("outcome", outcome, OUTCOMES);
            query = query.withOutcome(AuditOutcome.fromCode(code)
                    .orElseThrow(() -> FhirErrors.badRequest("outcome", "'" + code + "' is not an AuditEvent outcome (0, 4 or 8)")));
        }
        return reading.bundle(details.getFhirServerBase(), TYPE, criteria, reading.read().searchAudit(query), AuditEventProvider::event);
    }

    /** The audit record as an R4 AuditEvent. */
    static AuditEvent event(AuditRecord audit) {
        AuditEvent event = new AuditEvent();
        event.setId(audit.id());
        event.setType(new Coding(EVENT_TYPES, audit.type(), "RESTful Operation"));
        event.addSubtype(new Coding(INTERACTIONS, audit.subtype(), audit.subtype()));
        event.setAction(AuditEvent.AuditEventAction.fromCode(audit.action()));
        event.setRecordedElement(new InstantType(java.util.Date.from(audit.recorded()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI,
                java.util.TimeZone.getTimeZone("UTC")));
        event.setOutcome(AuditEvent.AuditEventOutcome.fromCode(audit.outcome().code()));
        event.setOutcomeDesc("HTTP " + audit.httpStatus());
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        audit.requestorIdentity().ifPresentOrElse(client -> {
            agent.setWho(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(CLIENT_IDS).setValue(client.clientId()))
                    .setDisplay(client.clientId()));
            if (client.subject() != null) {
                agent.setAltId(client.subject());
            }
        }, () -> agent.setWho(new Reference().setDisplay("unauthenticated client (access tokens are off)")));
        event.getSource().setObserver(new Reference().setDisplay(audit.observer()))
                .addType(new Coding(SOURCE_TYPES, "4", "Application Server"));
        audit.determination().ifPresent(id -> event.addEntity()
                .setWhat(new Reference(DeterminationProvider.TYPE + "/" + id))
                .setType(new Coding(ENTITY_TYPES, "2", "System Object"))
                .setRole(new Coding(OBJECT_ROLES, "4", "Domain Resource")));
        // What was asked, as R4 records a query: its text as the entity's query.
        event.addEntity().setType(new Coding(ENTITY_TYPES, "2", "System Object")).setRole(new Coding(OBJECT_ROLES, "24", "Query"))
                .setQuery(audit.query().getBytes(StandardCharsets.UTF_8));
        return event;
    }
}
