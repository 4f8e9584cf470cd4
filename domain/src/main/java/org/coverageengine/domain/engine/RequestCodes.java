package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.port.out.CodeCatalog;

/**
 * The lines of one request with their codes parsed and judged valid on the date of service (rule 11), and which
 * lines repeat a procedure code. A request repeats codes (a procedure on several lines, the same diagnoses on every
 * line): a procedure code is looked up in the catalog once per request, a diagnosis text parsed and judged once
 * (among the first {@value #KEPT_DIAGNOSES} distinct ones), and the lines of one code are linked in the same pass,
 * once for every policy and limit that asks.
 */
final class RequestCodes {

    /** Distinct diagnosis texts judged once each; a request with more judges the others on every line. */
    static final int KEPT_DIAGNOSES = 16;

    private final List<ParsedLine> lines;
    /** Per line: the first line with an equal procedure code (the line itself when none is earlier), or -1 without a code. */
    private final int[] firstOfCode;

    private RequestCodes(List<ParsedLine> lines, int[] firstOfCode) {
        this.lines = lines;
        this.firstOfCode = firstOfCode;
    }

    /** Parses and judges the codes of the lines on the date. */
    static RequestCodes parse(List<RequestedLine> requested, CodeCatalog catalog, LocalDate date) {
        int n = requested.size();
        List<ParsedLine> parsed = new ArrayList<>(n);
        int[] first = new int[n];
        CodeEntry[] entryOf = new CodeEntry[n];
        String[] codeProblemOf = new String[n];
        // Open addressing over the lines' codes: each slot holds (line + 1) of the first line with its code.
        int[] slots = new int[Integer.highestOneBit(Math.max(2 * n - 1, 1)) << 1];
        int mask = slots.length - 1;
        Diagnoses diagnoses = new Diagnoses(catalog, date);
        for (int i = 0; i < n; i++) {
            RequestedLine line = requested.get(i);
            // An empty ArrayList holds no array until its first add, so the common no-problem case costs one object.
            List<String> problems = new ArrayList<>(0);
            Code code = null;
            CodeEntry entry = null;
            first[i] = -1;
            try {
                code = line.procedure().parse();
            } catch (InvalidCodeException e) {
                problems.add("procedure " + e.getMessage());
            }
            if (code != null && !code.system().isProcedure()) {
                problems.add(code + " is a diagnosis code, not a procedure code");
            } else if (code != null) {
                int hash = code.hashCode() * 0x9E3779B9;
                int slot = (hash ^ hash >>> 16) & mask;
                while (slots[slot] != 0 && !code.equals(parsed.get(slots[slot] - 1).code())) {
                    slot = slot + 1 & mask;
                }
                if (slots[slot] == 0) {
                    slots[slot] = i + 1;
                    first[i] = i;
                    List<CodeEntry> entries = catalog.entries(code);
                    entry = entryOn(entries, date);
                    if (entry == null && !entries.isEmpty()) {
                        entry = entries.get(entries.size() - 1);
                    }
                    validity(code, entries, catalog, date).ifPresent(problems::add);
                } else {
                    int earlier = slots[slot] - 1;
                    first[i] = earlier;
                    code = parsed.get(earlier).code();
                    entry = entryOf[earlier];
                    if (codeProblemOf[earlier] != null) {
                        problems.add(codeProblemOf[earlier]);
                    }
                }
            }
            entryOf[i] = entry;
            codeProblemOf[i] = problems.isEmpty() ? null : problems.get(0);
            List<Code> lineDiagnoses = new ArrayList<>(line.diagnoses().size());
            for (CodeText text : line.diagnoses()) {
                diagnoses.judge(text, lineDiagnoses, problems);
            }
            parsed.add(new ParsedLine(line, code, entry != null && entry.addOn(), entry == null ? null : entry.display(), lineDiagnoses,
                    problems));
        }
        return new RequestCodes(parsed, first);
    }

    /** The parsed lines, in request order. */
    List<ParsedLine> lines() {
        return lines;
    }

    /** Per line: the first line with an equal procedure code (the line itself when none is earlier), or -1 without a code. */
    int[] firstOfCode() {
        return firstOfCode;
    }

    /** Why a well-formed code is not valid on the date, judged by what the catalog knows (rule 11). */
    private static Optional<String> validity(Code code, List<CodeEntry> entries, CodeCatalog catalog, LocalDate date) {
        if (!entries.isEmpty()) {
            CodeEntry onDate = entryOn(entries, date);
            if (onDate != null) {
                return onDate.billable() ? Optional.empty()
                        : Optional.of(code + " is a category heading, not a billable " + code.system().displayName() + " code");
            }
            CodeEntry nearest = entries.get(0);
            for (CodeEntry entry : entries) {
                if (entry.validity().start() == null || !entry.validity().start().isAfter(date)) {
                    nearest = entry;
                }
            }
            return Optional.of(code + " is not valid on " + date + ": " + nearest.validity().whyOutside(date).orElse("outside its dates"));
        }
        if (catalog.declaresComplete(code.system(), date)) {
            return Optional.of(code + " is not a " + code.system().displayName() + " code on " + date
                    + " (the complete official code set for that date was loaded and does not list it)");
        }
        return Optional.empty();
    }

    private static CodeEntry entryOn(List<CodeEntry> entries, LocalDate date) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).validity().contains(date)) {
                return entries.get(i);
            }
        }
        return null;
    }

    /** The diagnosis texts of one request judged so far: parsed code (null when malformed) and problem (else null). */
    private static final class Diagnoses {
        private final CodeCatalog catalog;
        private final LocalDate date;
        private final CodeText[] texts = new CodeText[KEPT_DIAGNOSES];
        private final Code[] codes = new Code[KEPT_DIAGNOSES];
        private final String[] problems = new String[KEPT_DIAGNOSES];
        private int kept;

        Diagnoses(CodeCatalog catalog, LocalDate date) {
            this.catalog = catalog;
            this.date = date;
        }

        /** Adds the diagnosis's code to the line's codes when well formed, and its problem to the line's problems. */
        void judge(CodeText text, List<Code> into, List<String> lineProblems) {
            int k = 0;
            while (k < kept && !same(texts[k], text)) {
                k++;
            }
            if (k == kept) {
                Code code = null;
                String problem;
                try {
                    code = text.parse();
                    problem = validity(code, catalog.entries(code), catalog, date).map(p -> "diagnosis " + p).orElse(null);
                } catch (InvalidCodeException e) {
                    problem = "diagnosis " + e.getMessage();
                }
                if (kept == KEPT_DIAGNOSES) {
                    add(code, problem, into, lineProblems);
                    return;
                }
                texts[k] = text;
                codes[k] = code;
                problems[k] = problem;
                kept++;
            }
            add(codes[k], problems[k], into, lineProblems);
        }

        private static void add(Code code, String problem, List<Code> into, List<String> lineProblems) {
            if (code != null) {
                into.add(code);
            }
            if (problem != null) {
                lineProblems.add(problem);
            }
        }

        // Field by field: a record's generated equals goes through method handles.
        private static boolean same(CodeText kept, CodeText text) {
            return kept == text || kept.system() == text.system() && Objects.equals(kept.text(), text.text())
                    && Objects.equals(kept.unsupportedSystem(), text.unsupportedSystem());
        }
    }
}
