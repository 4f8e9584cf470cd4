package org.coverageengine.adapter.fhir;

import static org.coverageengine.adapter.fhir.RunningServer.SETTINGS;
import static org.coverageengine.adapter.fhir.RunningServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.junit.jupiter.api.Test;

/** Discovery: the CapabilityStatement lists $submit, whose definition and CodeSystems are readable. */
class DiscoveryTest {

    @Test
    void capabilityStatementListsSubmit() {
        RunningServer.Reply reply = get("/metadata", "application/fhir+json");
        assertEquals(200, reply.status());
        CapabilityStatement statement = reply.as(CapabilityStatement.class);
        var resource = statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("CoverageEligibilityRequest"))
                .findFirst().orElseThrow();
        var operation = resource.getOperation().stream().filter(o -> o.getName().equals("submit")).findFirst().orElseThrow();
        assertEquals(SubmitOperation.CANONICAL, operation.getDefinition());
    }

    @Test
    void operationDefinitionIsReadable() {
        RunningServer.Reply reply = get("/OperationDefinition/CoverageEligibilityRequest-submit", "application/fhir+json");
        assertEquals(200, reply.status(), reply.body());
        OperationDefinition definition = reply.as(OperationDefinition.class);
        assertEquals(SubmitOperation.CANONICAL, definition.getUrl());
        assertEquals("submit", definition.getCode());
        assertTrue(definition.getType());
    }

    @Test
    void determinationCodeSystem() {
        CodeSystem cs = get("/CodeSystem/coverage-determination", "application/fhir+json").as(CodeSystem.class);
        assertEquals(SETTINGS.determinationCodeSystem(), cs.getUrl());
        assertEquals(List.of("invalid", "not-covered", "experimental", "bundled", "conditional", "covered", "no-policy"),
                cs.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).toList());
        assertTrue(SETTINGS.determinationCodeSystem().endsWith("/CodeSystem/coverage-determination"));
        assertTrue(SETTINGS.determinationExtension().endsWith("/StructureDefinition/coverage-determination"));
    }

    @Test
    void criteriaCodeSystem() {
        CodeSystem cs = get("/CodeSystem/coverage-criteria", "application/fhir+xml").as(CodeSystem.class);
        var codes = cs.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).toList();
        assertTrue(codes.containsAll(List.of("iom-performer-qualified", "iom-risk-plexus-surgery", "decompression-conservative-therapy-failed")),
                codes.toString());
    }

    @Test
    void unknownCodeSystemIs404() {
        assertEquals(404, get("/CodeSystem/nope", "application/fhir+json").status());
    }
}
