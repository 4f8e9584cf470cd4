package org.coverageengine.adapter.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Criterion;
import org.coverageengine.domain.determination.Determination;

/**
 * One output row of a batch: a line's determination flattened with its claim id, line number, what the engine
 * assumed, and the record it came from (to keep the output in input order).
 */
public record DeterminationRow(
        String claimId,
        int line,
        String dateOfService,
        String lineOfBusiness,
        String code,
        String outcome,
        int requestedUnits,
        Integer allowedUnits,
        boolean priorAuthorization,
        List<String> criteria,
        List<String> citations,
        String reasons,
        List<String> notices,
        long record) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The output columns, in order; NDJSON uses the same names as keys. */
    public static final List<String> COLUMNS = List.of("claim_id", "line", "date_of_service", "line_of_business", "code",
            "outcome", "requested_units", "allowed_units", "prior_authorization", "criteria", "citations", "reasons", "notices");

    /** Copies the lists. */
    public DeterminationRow {
        criteria = List.copyOf(criteria);
        citations = List.copyOf(citations);
        notices = List.copyOf(notices);
    }

    /** The rows of one claim's decision, in line order. */
    public static List<DeterminationRow> of(Claim claim, CoverageDecision decision) {
        return of(claim, decision, true);
    }

    /** The rows of one claim's decision, in line order; without the explanation (empty reasons) unless {@code explained}. */
    public static List<DeterminationRow> of(Claim claim, CoverageDecision decision, boolean explained) {
        List<DeterminationRow> rows = new ArrayList<>(claim.lines().size());
        for (int i = 0; i < claim.lines().size(); i++) {
            ClaimLine line = claim.lines().get(i);
            Determination d = decision.determinations().get(i);
            List<String> criteria = new ArrayList<>(d.criteria().size());
            for (Criterion criterion : d.criteria()) {
                criteria.add(criterion.code());
            }
            List<String> citations = new ArrayList<>(d.citations().size());
            for (Citation citation : d.citations()) {
                citations.add(citation.policyNumber() + (citation.statementId() == null ? "" : " " + citation.statementId()));
            }
            rows.add(new DeterminationRow(claim.id(), line.line(), decision.dateOfService().toString(),
                    decision.lineOfBusiness().code(), d.code(), d.outcome().code(), d.requestedUnits(), d.allowedUnits(),
                    d.priorAuthorizationRequired(), criteria, citations, explained ? d.explanation() : "", decision.notices(), line.record()));
        }
        return rows;
    }
}
