package org.coverageengine.adapter.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;

/** Serves the project's two CodeSystems: determination outcomes, and the criteria of the loaded policies. */
public final class CodeSystemProvider implements IResourceProvider {

    static final String DETERMINATION_ID = "coverage-determination";
    static final String CRITERIA_ID = "coverage-criteria";

    private final FhirSettings settings;
    private final DescribePolicies policies;

    /** Serves the CodeSystems at the settings' canonical URLs, the criteria taken from the policies loaded when asked. */
    public CodeSystemProvider(FhirSettings settings, DescribePolicies policies) {
        this.settings = settings;
        this.policies = policies;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    /** GET [base]/CodeSystem/coverage-determination or coverage-criteria. */
    @Read
    public CodeSystem read(@IdParam IdType id) {
        switch (id.getIdPart()) {
            case DETERMINATION_ID:
                return determinations();
            case CRITERIA_ID:
                return criteria();
            default:
                throw new ResourceNotFoundException("CodeSystem/" + id.getIdPart() + " is not known here (try " + DETERMINATION_ID
                        + " or " + CRITERIA_ID + ")");
        }
    }

    /** GET [base]/CodeSystem: both CodeSystems. */
    @Search
    public List<CodeSystem> all() {
        return List.of(determinations(), criteria());
    }

    CodeSystem determinations() {
        CodeSystem cs = base(DETERMINATION_ID, settings.determinationCodeSystem(), "CoverageDetermination",
                "Coverage determination outcomes", "The outcome of a coverage determination for one requested line, most restrictive first.");
        for (Outcome outcome : Outcome.values()) {
            cs.addConcept().setCode(outcome.code()).setDisplay(outcome.display()).setDefinition(definition(outcome));
        }
        cs.setCount(cs.getConcept().size());
        return cs;
    }

    CodeSystem criteria() {
        CodeSystem cs = base(CRITERIA_ID, settings.criteriaCodeSystem(), "CoverageCriteria", "Coverage criteria to document",
                "The criteria of the loaded policies' medical-necessity statements; attest one with an Observation coded with it.");
        Map<String, CriteriaNode> unique = new LinkedHashMap<>();
        for (Policy policy : policies.list()) {
            policy.criteriaSets().values().forEach(root -> collect(root, unique));
        }
        unique.values().forEach(node -> cs.addConcept().setCode(node.code()).setDisplay(shorten(node.text())).setDefinition(node.text()));
        cs.setCount(cs.getConcept().size());
        return cs;
    }

    private static void collect(CriteriaNode node, Map<String, CriteriaNode> into) {
        into.putIfAbsent(node.code(), node);
        node.children().forEach(child -> collect(child, into));
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static CodeSystem base(String id, String url, String name, String title, String description) {
        CodeSystem cs = new CodeSystem();
        cs.setId(id);
        cs.setUrl(url);
        cs.setName(name);
        cs.setTitle(title);
        cs.setDescription(description);
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        cs.setCaseSensitive(true);
        return cs;
    }

    private static String definition(Outcome outcome) {
        switch (outcome) {
            case COVERED:
                return "A policy governs the line, nothing excludes it, and every criterion is attested as met.";
            case CONDITIONAL:
                return "Medically necessary only when the listed criteria are met; documentation is needed.";
            case NOT_COVERED:
                return "The policy excludes the service in this context.";
            case EXPERIMENTAL:
                return "Experimental, investigational or unproven.";
            case BUNDLED:
                return "Integral to another service; not separately reimbursed.";
            case NO_POLICY:
                return "No loaded policy governs this line on this date for this line of business.";
            default:
                return "The code is malformed, or not valid on the date of service (deleted, not yet effective).";
        }
    }
}
