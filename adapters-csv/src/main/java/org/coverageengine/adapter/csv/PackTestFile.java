package org.coverageengine.adapter.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.csv.PackRows.TestRow;
import org.coverageengine.adapter.csv.PackTables.Table;
import org.coverageengine.adapter.csv.RowBinding.Bound;
import org.coverageengine.domain.authoring.PackTestCase;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;

/**
 * Reads a pack's tests.csv into test cases: each line written {@code CODE[xUNITS][:DX,...]}, lines separated by
 * '|', one expected outcome per line. Every problem is kept with its place, as for the other pack files.
 */
final class PackTestFile {

    /** The cases read, and every problem found (the cases are whole only when there is none). */
    record Read(List<PackTestCase> cases, List<ImportProblem> problems) {
    }

    private PackTestFile() {
    }

    static Read read(Table<TestRow> table) {
        List<PackTestCase> cases = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        if (table.unreadable()) {
            problems.add(table.failure());
            return new Read(cases, problems);
        }
        Set<String> names = new LinkedHashSet<>();
        for (Bound<TestRow> bound : table.rows()) {
            List<ImportProblem> violations = RowBinding.violations(bound);
            if (!violations.isEmpty()) {
                problems.addAll(violations);
                continue;
            }
            try {
                TestRow row = bound.value();
                if (!names.add(row.caseName())) {
                    throw bound.row().error("case", "duplicate case name '" + Quoted.prefix(row.caseName()) + "'");
                }
                cases.add(testCase(bound));
            } catch (ImportException e) {
                problems.addAll(e.problems());
            }
        }
        return new Read(cases, problems);
    }

    private static PackTestCase testCase(Bound<TestRow> bound) {
        CsvTable.Row row = bound.row();
        TestRow value = bound.value();
        List<RequestedLine> lines = new ArrayList<>();
        for (String written : PackValues.list(value.lines())) {
            lines.add(line(row, lines.size() + 1, written));
        }
        LineOfBusiness lob = value.lineOfBusiness().isEmpty() ? LineOfBusiness.COMMERCIAL
                : LineOfBusiness.parse(value.lineOfBusiness()).orElseThrow(() -> row.error("line_of_business", "unknown line of business '"
                        + Quoted.prefix(value.lineOfBusiness()) + "' (expected commercial, medicare, medicare-advantage, medicaid, workers-comp, auto or self-pay)"));
        LocalDate date = PackValues.date(row, "date", value.date());
        List<Outcome> expected = new ArrayList<>();
        for (String code : PackValues.list(value.expected())) {
            expected.add(Outcome.fromCode(code).orElseThrow(() -> row.error("expected", "unknown outcome '" + Quoted.prefix(code)
                    + "' (expected covered, conditional, not-covered, experimental, bundled, no-policy or invalid)")));
        }
        if (expected.size() != lines.size()) {
            throw row.error("expected", lines.size() + " lines but " + expected.size() + " expected outcomes (one per line, '|'-separated)");
        }
        CoverageRequest request = new CoverageRequest(date, lob, lines, new LinkedHashSet<>(PackValues.list(value.attestations())));
        return new PackTestCase(value.caseName(), row.file() + ":" + row.line(), request, expected, value.reason());
    }

    private static RequestedLine line(CsvTable.Row row, int sequence, String written) {
        String procedure = written;
        List<CodeText> diagnoses = new ArrayList<>();
        int colon = written.indexOf(':');
        if (colon >= 0) {
            procedure = written.substring(0, colon).strip();
            for (String dx : written.substring(colon + 1).split(",")) {
                if (!dx.isBlank()) {
                    diagnoses.add(CodeText.diagnosis(dx.strip()));
                }
            }
        }
        int units = 1;
        int times = procedure.toLowerCase(java.util.Locale.ROOT).indexOf('x');
        if (times > 0) {
            String count = procedure.substring(times + 1).strip();
            if (!count.matches("\\d{1,4}") || Integer.parseInt(count) < 1) {
                throw row.error("lines", "line '" + Quoted.prefix(written) + "': units after 'x' are a whole number of at least 1");
            }
            units = Integer.parseInt(count);
            procedure = procedure.substring(0, times).strip();
        }
        if (procedure.isEmpty()) {
            throw row.error("lines", "line '" + Quoted.prefix(written) + "' has no procedure code (expected CODE[xUNITS][:DX,...])");
        }
        return new RequestedLine(sequence, CodeText.procedure(procedure), units, List.of(), diagnoses);
    }
}
