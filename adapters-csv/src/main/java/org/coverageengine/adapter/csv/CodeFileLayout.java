package org.coverageengine.adapter.csv;

import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CompletenessDeclaration;

/**
 * One published code-file layout: how its records are found and what each holds. The reading loop shared by
 * every layout (duplicates, progress, the result) is {@link CodeFile}'s; format detection is {@link CodeFileFormat}'s.
 *
 * @param <R> a record of the file: a text line for fixed-width layouts, a CSV row for CSV layouts
 */
interface CodeFileLayout<R> {

    /** The layout's format. */
    CodeFileFormat format();

    /** The records of the file, in order; throws {@link ImportException} when the file's header is wrong. */
    List<R> records(String text);

    /** The 1-based line a record starts on. */
    int line(R record);

    /** The entry a record holds, or empty when it holds none; throws {@link ImportException} for a bad record. */
    Optional<CodeEntry> entry(R record);

    /** The error for a code listed a second time, or empty when the layout may list a code twice. */
    Optional<ImportException> duplicate(R record, Code code, int firstLine);

    /** What the whole file declares complete, if anything; throws {@link ImportException} when it holds nothing usable. */
    default Optional<CompletenessDeclaration> completeness(List<CodeEntry> entries) {
        return Optional.empty();
    }
}
