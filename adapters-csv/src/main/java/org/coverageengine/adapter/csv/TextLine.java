package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.InvalidCodeException;

/** One non-blank line of a fixed-width code file, with its 1-based line number, for errors at line and column. */
record TextLine(String file, int number, String text) {

    /** The non-blank lines of the text, numbered as in the file. */
    static List<TextLine> of(String file, String text) {
        List<String> lines = text.lines().toList();
        List<TextLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(new TextLine(file, i + 1, lines.get(i)));
            }
        }
        return out;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    /** Columns {@code from} (0-based, inclusive) to {@code to} (exclusive, clipped to the line), stripped. */
    String field(int from, int to) {
        return text.substring(from, Math.min(text.length(), to)).strip();
    }

    /** The rest of the line from a 0-based index, stripped. */
    String rest(int from) {
        return text.substring(from).strip();
    }

    /** The code in columns {@code from} to {@code to} (0-based, exclusive end). */
    Code code(CodeSystem system, int from, int to) {
        try {
            return Code.of(system, text.substring(from, to));
        } catch (InvalidCodeException e) {
            throw error(from + 1, "malformed code: " + e.getMessage());
        }
    }

    ImportException error(int column, String reason) {
        return new ImportException(file, number, column, reason);
    }
}
