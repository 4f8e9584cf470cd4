package org.coverageengine.adapter.csv;

import java.util.List;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PackRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.PackRows.TestRow;
import org.coverageengine.adapter.csv.RowBinding.Bound;

/**
 * Every file of a pack as typed rows, each row keeping its file, line and columns; not yet validated.
 *
 * @param checkRows false for the pack shipped in the jar, whose rows the build's tests validate
 * @param manifest the differences between the files and the pack's MANIFEST.csv (none when it has no manifest)
 */
record PackTables(
        Table<PackRow> pack,
        Table<PolicyRow> policies,
        Table<ReferralRow> referrals,
        Table<RevisionRow> revisions,
        Table<GroupRow> groups,
        Table<GroupCodeRow> groupCodes,
        Table<CriteriaRow> criteria,
        Table<StatementRow> statements,
        Table<CodeRow> codes,
        Table<TestRow> tests,
        boolean checkRows,
        List<ImportProblem> manifest) {

    /**
     * The rows of one file, or the problem that kept it from being read (then there are no rows).
     *
     * @param failure null when the file was read (or is optional and absent)
     */
    record Table<R>(String file, List<Bound<R>> rows, ImportProblem failure) {

        static <R> Table<R> failed(String file, ImportProblem failure) {
            return new Table<>(file, List.of(), failure);
        }

        boolean unreadable() {
            return failure != null;
        }
    }
}
