package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PackRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.RowBinding.Bound;

/**
 * What the validator found: every problem, and the rows that passed, gathered by policy. The rows are whole and
 * consistent (references resolve, dates and codes read) only when there is no problem.
 *
 * @param pack the pack.csv row, or null when it had a problem
 * @param groupCodes the group code rows in file order (their descriptions become catalog entries in that order)
 */
record CheckedPack(PackRow pack, Map<String, PolicyRows> policies, List<Bound<GroupCodeRow>> groupCodes,
        List<Bound<CodeRow>> codes, List<ImportProblem> problems) {

    /** The rows of one policy. */
    static final class PolicyRows {
        final Bound<PolicyRow> row;
        final List<Bound<ReferralRow>> referrals = new ArrayList<>();
        final List<Bound<RevisionRow>> revisions = new ArrayList<>();
        final Map<String, Bound<GroupRow>> groups = new LinkedHashMap<>();
        final Map<String, List<Bound<GroupCodeRow>>> groupCodes = new LinkedHashMap<>();
        /** Criteria set name to criterion code to row. */
        final Map<String, Map<String, Bound<CriteriaRow>>> criteria = new LinkedHashMap<>();
        final List<Bound<StatementRow>> statements = new ArrayList<>();

        PolicyRows(Bound<PolicyRow> row) {
            this.row = row;
        }

        String number() {
            return row.value().policy();
        }
    }
}
