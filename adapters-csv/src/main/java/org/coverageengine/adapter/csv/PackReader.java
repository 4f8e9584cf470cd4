package org.coverageengine.adapter.csv;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.coverageengine.adapter.csv.PackRows.TestRow;
import org.coverageengine.adapter.csv.PackTables.Table;

/**
 * Reads a pack's files into typed rows: strict UTF-8, RFC 4180 CSV, the header checked; a file it cannot read is a
 * problem, and so is any difference from the pack's manifest.
 */
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
    static final String TESTS = "tests.csv";

    /** Every file a pack may hold, in the order they are checked. */
    static final List<String> FILES = List.of(PACK, POLICIES, REFERRALS, REVISIONS, GROUPS, GROUP_CODES, CRITERIA, STATEMENTS, CODES, TESTS);

    private PackReader() {
    }

    /**
     * Reads every file once (so that the manifest and the rows see the same bytes), checks them against the
     * manifest when there is one, and binds each to its rows.
     */
    static PackTables read(PackFiles files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, ImportProblem> unreadable = new HashMap<>();
        for (String name : FILES) {
            try {
                files.read(name).ifPresent(b -> bytes.put(name, b));
            } catch (ImportException e) {
                unreadable.put(name, e.problem());
            }
        }
        List<ImportProblem> manifest = List.of();
        try {
            Optional<byte[]> listed = files.read(PackManifest.FILE);
            if (listed.isPresent()) {
                manifest = PackManifest.check(listed.get(), bytes, unreadable.keySet());
            }
        } catch (ImportException e) {
            manifest = e.problems();
        }
        Reading reading = new Reading(bytes, unreadable, files.location());
        return new PackTables(
                reading.table(PACK, PackRow.class, true),
                reading.table(POLICIES, PolicyRow.class, true),
                reading.table(REFERRALS, ReferralRow.class, false),
                reading.table(REVISIONS, RevisionRow.class, false),
                reading.table(GROUPS, GroupRow.class, true),
                reading.table(GROUP_CODES, GroupCodeRow.class, true),
                reading.table(CRITERIA, CriteriaRow.class, false),
                reading.table(STATEMENTS, StatementRow.class, true),
                reading.table(CODES, CodeRow.class, false),
                reading.table(TESTS, TestRow.class, false),
                !files.shippedAndTested(),
                manifest);
    }

    private record Reading(Map<String, byte[]> bytes, Map<String, ImportProblem> unreadable, String location) {

        <R extends Record> Table<R> table(String name, Class<R> type, boolean required) {
            if (unreadable.containsKey(name)) {
                return Table.failed(name, unreadable.get(name));
            }
            byte[] content = bytes.get(name);
            if (content == null) {
                return required
                        ? Table.failed(name, new ImportProblem(name, 0, 0, "missing file: a policy pack needs " + name + " (in " + location + ")"))
                        : new Table<>(name, List.of(), null);
            }
            try {
                CsvTable table = CsvTable.parse(name, StrictText.decode(name, content), RowBinding.columnsOf(type));
                return new Table<>(name, RowBinding.bind(table, type), null);
            } catch (ImportException e) {
                return Table.failed(name, e.problem());
            }
        }
    }
}
