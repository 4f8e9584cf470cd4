package org.coverageengine.app;

/** The command line's exit codes (documented in README.md). */
final class ExitCodes {

    /** Success: every line was evaluated (for evaluate: no line is invalid). */
    static final int OK = 0;
    /** Usage error: unknown option, malformed --line, missing argument (picocli's own code). */
    static final int USAGE = 2;
    /** evaluate answered, but at least one line is invalid (malformed code, or not valid on the date); test: a case failed; lint: findings. */
    static final int INVALID_LINES = 3;
    /** An input could not be read: a bad pack, code file or FHIR request file; nothing was loaded. */
    static final int BAD_INPUT = 4;
    /** The server could not start (e.g. the port is taken). */
    static final int SERVER_FAILED = 5;

    private ExitCodes() {
    }
}
