package org.coverageengine.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.batch.ClaimGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** generate-claims: a seeded CSV claims file of any size, drawn from the loaded packs, for tests and benchmarks. */
@Command(name = "generate-claims", mixinStandardHelpOptions = true,
        description = "Write a realistic CSV claims file drawn from the loaded packs' codes and criteria; the same seed gives the same file.")
final class GenerateClaimsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    /** A typo must not fill the disk: 100 million lines are about 6 GB. */
    static final long MAX_LINES = 100_000_000L;

    @Option(names = "--lines", required = true, paramLabel = "N", description = "How many claim lines to write (1 to 100000000).")
    long lines;

    @Option(names = "--seed", paramLabel = "SEED", description = "The random seed (default: ${DEFAULT-VALUE}).")
    long seed = 20;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (lines < 1 || lines > MAX_LINES) {
            throw new ParameterException(spec.commandLine(), "--lines must be 1 to " + MAX_LINES + ", was " + lines);
        }
        PrintWriter err = spec.commandLine().getErr();
        var loaded = knowledge.loadOrReport(err, "Nothing generated");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            new ClaimGenerator(loaded.get().knowledge.get(), seed).writeCsv(lines, file);
        }
        spec.commandLine().getOut().println(lines + " claim lines written to " + out + " (seed " + seed + ")");
        return ExitCodes.OK;
    }
}
