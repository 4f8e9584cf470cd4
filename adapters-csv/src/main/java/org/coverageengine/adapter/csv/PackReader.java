package org.coverageengine.adapter.csv;

import java.util.List;
import java.util.Optional;
import org.coverageengine.adapter.csv.PackRows.CodeRow;
import org.coverageengine.adapter.csv.PackRows.CriteriaRow;
import org.coverageengine.adapter.csv.PackRows.GroupCodeRow;
import org.coverageengine.adapter.csv.PackRows.GroupRow;
import org.coverageengine.adapter.csv.PackRows.PackRow;
import org.coverageengine.adapter.csv.PackRows.PolicyRow;
import org.coverageengine.adapter.csv.PackRows.ReferralRow;
import org.coverageengine.adapter.csv.PackRows.RevisionRow;
import org.coverageengine.adapter.csv.PackRows.StatementRow;
import org.coverageengine.adapter.csv.PackTables.Table;

/** Reads a pack's files into typed rows: strict UTF-8, RFC 4180 CSV, the header checked; a file it cannot read is a problem. */
final class PackReader {

    static final String PACK = "pack.csv";
    static final String POLICIES = "policies.csv";
    static final String REFERRALS = "referrals.csv";
    static final String REVISIONS = "revisions.csv";
    static final String GROUPS = "groups.csv";
    static final String GROUP_CODES = "group_codes.csv";
    static final String STATEMENTS = "statements.csv";
    static final String CRITERIA = "criteria.csv";
    static final String CODES = "codes.csv";

    /** Every file a pack may hold, in the order they are checked. */
    static final List<String> FILES = List.of(PACK, POLICIES, REFERRALS, REVISIONS, GROUPS, GROUP_CODES, CRITERIA, STATEMENTS, CODES);

    private PackReader() {
    }

    static PackTables read(PackFiles files) {
        return new PackTables(
                table(files, PACK, PackRow.class, true),
                table(files, POLICIES, PolicyRow.class, true),
                table(files, REFERRALS, ReferralRow.class, false),
                table(files, REVISIONS, RevisionRow.class, false),
                table(files, GROUPS, GroupRow.class, true),
                table(files, GROUP_CODES, GroupCodeRow.class, true),
                table(files, CRITERIA, CriteriaRow.class, false),
                table(files, STATEMENTS, StatementRow.class, true),
                table(files, CODES, CodeRow.class, false),
                !files.shippedAndTested());
    }

    private static <R extends Record> Table<R> table(PackFiles files, String name, Class<R> type, boolean required) {
        try {
            Optional<byte[]> bytes = files.read(name);
            if (bytes.isEmpty()) {
                return required
                        ? Table.failed(name, new ImportProblem(name, 0, 0, "missing file: a policy pack needs " + name + " (in " + files.location() + ")"))
                        : new Table<>(name, List.of(), null);
            }
            String text = StrictText.decode(name, bytes.get());
            CsvTable table = CsvTable.parse(name, text, RowBinding.columnsOf(type));
            return new Table<>(name, RowBinding.bind(table, type), null);
        } catch (ImportException e) {
            return Table.failed(name, e.problem());
        }
    }
}
