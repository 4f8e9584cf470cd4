package org.coverageengine.domain.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;

/** The codes the engine knows, with their effective-dated facts. */
public interface CodeCatalog {

    /** Every entry recorded for the code (usually one), in the order they were loaded. */
    List<CodeEntry> entries(Code code);

    /** The entry valid on the date, if any. */
    default Optional<CodeEntry> entryOn(Code code, LocalDate date) {
        for (CodeEntry entry : entries(code)) {
            if (entry.validity().contains(date)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The most recent entry for the code, whatever the date. */
    default Optional<CodeEntry> latest(Code code) {
        List<CodeEntry> all = entries(code);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** True when a complete official code set of the system was loaded for the date, so unknown codes are invalid. */
    boolean declaresComplete(CodeSystem system, LocalDate date);

    /** The completeness declarations, described for people ("ICD-10-CM FY2025, 2024-10-01 to 2025-09-30"). */
    List<String> completeness();

    /** Entries whose code, descriptions or synonyms match the text, best matches first. */
    List<CodeEntry> search(String text, int limit);

    /** How many codes are known per system. */
    Map<CodeSystem, Integer> countsBySystem();
}
