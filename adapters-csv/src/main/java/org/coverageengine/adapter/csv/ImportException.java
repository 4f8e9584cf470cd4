package org.coverageengine.adapter.csv;

import java.util.List;

/**
 * A file could not be imported: says which file, where (line and column, 1-based; 0 when the problem is the
 * whole file) and why, for the first problem found, and lists every problem found when the reader collected them.
 * Nothing of the import is kept when this is thrown.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;
    private final String location;

    /** Creates the exception for one problem. */
    public ImportException(String file, int line, int column, String reason) {
        this(List.of(new ImportProblem(file, line, column, reason)));
    }

    /** Creates the exception for the problems found, in the order found (at least one). */
    public ImportException(List<ImportProblem> problems) {
        this(null, problems);
    }

    /** Creates the exception for the problems found in the files of a folder (a policy pack). */
    public ImportException(String location, List<ImportProblem> problems) {
        super(problems.get(0).toString());
        this.problems = List.copyOf(problems);
        this.location = location;
    }

    /** The folder the problems' file names are relative to, when known. */
    public java.util.Optional<String> location() {
        return java.util.Optional.ofNullable(location);
    }

    /** The first problem found. */
    public ImportProblem problem() {
        return problems.get(0);
    }

    /** Every problem found, the first one first. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** The file name of the first problem. */
    public String file() {
        return problem().file();
    }

    /** The 1-based line of the first problem, or 0 for the whole file. */
    public int line() {
        return problem().line();
    }

    /** The 1-based column of the first problem, or 0 when no single column is at fault. */
    public int column() {
        return problem().column();
    }

    /** Why the import stopped. */
    public String reason() {
        return problem().reason();
    }
}
