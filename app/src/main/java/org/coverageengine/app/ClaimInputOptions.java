package org.coverageengine.app;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The claims a command decides and how: {@code --in}, {@code --threads}, {@code --sort}, {@code --temp} (batch, impact). */
final class ClaimInputOptions {

    /** More deciding threads than this only adds hand-off cost; a typo like 10000 must not start that many. */
    static final int MAX_THREADS = 256;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "A CSV claims file or a FHIR bulk-data folder.")
    Path in;

    @Option(names = "--threads", paramLabel = "N", description = "Threads deciding claims (default: all cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--sort", description = "Sort the input by claim id on disk first, so a claim's lines need not be contiguous.")
    boolean sort;

    @Option(names = "--temp", paramLabel = "DIR", description = "Where --sort spills its runs (default: the system's temporary folder).")
    Path temp;

    /** Refuses a thread count out of bounds, as a usage error of the command. */
    void check(CommandSpec spec) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to " + MAX_THREADS + ", was " + threads);
        }
    }

    /** Where --sort spills its runs. */
    Path temp() {
        return temp != null ? temp : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
