package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.code.InvalidCodeException;
import org.coverageengine.domain.port.out.CodeCatalog;

/**
 * The codes of one request, parsed and judged valid on the date of service (rule 11). A request repeats codes (a
 * procedure on several lines, the same diagnoses on every line), so each distinct code text is parsed and looked up in
 * the catalog once per request, when the request has more than one line.
 */
final class RequestCodes {

    /** A parsed code text: the code (null when malformed), its catalog entry on the date (procedures), and what is invalid (else null). */
    record Parsed(CodeText text, Code code, CodeEntry entry, String problem) {
    }

    private final CodeCatalog catalog;
    private final LocalDate date;
    private final Map<String, Parsed> procedures;
    private final Map<String, Parsed> diagnoses;

    RequestCodes(CodeCatalog catalog, LocalDate date, int lines) {
        this.catalog = catalog;
        this.date = date;
        this.procedures = lines > 1 ? new HashMap<>() : null;
        this.diagnoses = lines > 1 ? new HashMap<>() : null;
    }

    /** The line's procedure code, its entry on the date (or its latest entry) and why it is invalid. */
    Parsed procedure(CodeText text) {
        Parsed kept = procedures == null ? null : procedures.get(text.text());
        if (kept != null && sameText(kept.text(), text)) {
            return kept;
        }
        Parsed parsed = parseProcedure(text);
        if (procedures != null && kept == null) {
            procedures.put(text.text(), parsed);
        }
        return parsed;
    }

    /** A diagnosis code and why it is invalid. */
    Parsed diagnosis(CodeText text) {
        Parsed kept = diagnoses == null ? null : diagnoses.get(text.text());
        if (kept != null && sameText(kept.text(), text)) {
            return kept;
        }
        Parsed parsed = parseDiagnosis(text);
        if (diagnoses != null && kept == null) {
            diagnoses.put(text.text(), parsed);
        }
        return parsed;
    }

    // The text is the key; the system must match too (a record's generated equals would go through method handles).
    private static boolean sameText(CodeText kept, CodeText text) {
        return kept.system() == text.system() && Objects.equals(kept.unsupportedSystem(), text.unsupportedSystem());
    }

    private Parsed parseProcedure(CodeText text) {
        Code code;
        try {
            code = text.parse();
        } catch (InvalidCodeException e) {
            return new Parsed(text, null, null, "procedure " + e.getMessage());
        }
        if (!code.system().isProcedure()) {
            return new Parsed(text, code, null, code + " is a diagnosis code, not a procedure code");
        }
        List<CodeEntry> entries = catalog.entries(code);
        CodeEntry entry = CoverageDeterminer.entryOn(entries, date);
        if (entry == null && !entries.isEmpty()) {
            entry = entries.get(entries.size() - 1);
        }
        return new Parsed(text, code, entry, CoverageDeterminer.validity(code, entries, catalog, date).orElse(null));
    }

    private Parsed parseDiagnosis(CodeText text) {
        Code code;
        try {
            code = text.parse();
        } catch (InvalidCodeException e) {
            return new Parsed(text, null, null, "diagnosis " + e.getMessage());
        }
        String problem = CoverageDeterminer.validity(code, catalog.entries(code), catalog, date).orElse(null);
        return new Parsed(text, code, null, problem == null ? null : "diagnosis " + problem);
    }
}
