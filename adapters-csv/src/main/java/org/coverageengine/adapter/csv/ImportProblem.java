package org.coverageengine.adapter.csv;

/**
 * One reason a file cannot be imported, at a place: the file, the 1-based line and column (0 when the problem is
 * the whole file or the whole line). Printed as {@code file:line:column: reason}.
 */
public record ImportProblem(String file, int line, int column, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + reason;
    }
}
