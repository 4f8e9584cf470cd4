package org.coverageengine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.batch.BatchRun;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.InputUnreadableException;
import org.coverageengine.adapter.batch.OutputDetail;
import org.coverageengine.adapter.batch.OutputFormat;
import org.coverageengine.adapter.batch.RowWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** batch: decide every claim of a CSV file or FHIR bulk-data folder, streamed, into NDJSON or CSV determinations. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Decide every claim of a CSV claims file or a FHIR bulk-data folder (Claim.ndjson, Coverage.ndjson, Patient.ndjson).",
        footer = {"", "Exit codes: 0 every record answered, 2 usage error, 3 some records refused (listed in the errors file),",
            "4 the input, a pack or a code file cannot be read. See docs/batch.md."})
final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeOptions knowledge;

    @Mixin
    ClaimInputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the determinations (.csv for CSV, else NDJSON).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ndjson or csv (default: from the --out extension).")
    String format;

    @Option(names = "--output-detail", paramLabel = "DETAIL", description = "full (default) or compact: every column but the "
            + "explanation prose (reasons), for machine consumers; about 30% less output.")
    String detail = "full";

    @Option(names = "--errors", paramLabel = "FILE", description = "Where refused records are listed (default: OUT.errors.txt).")
    Path errors;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat chosen = chosenFormat(format, out);
        OutputDetail chosenDetail = OutputDetail.named(detail).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown --output-detail '" + detail + "' (expected full or compact)"));
        input.check(spec);
        var loaded = knowledge.loadOrReport(err, "Batch not started");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Path errorsFile = errors != null ? errors : out.resolveSibling(out.getFileName() + ".errors.txt");
        BatchRun.Summary summary;
        try (ClaimLineSource source = BatchInput.open(input.in, input.sort, input.temp());
                RowWriter rows = chosen.writerTo(out, chosenDetail);
                PrintWriter refused = new PrintWriter(Files.newBufferedWriter(errorsFile, StandardCharsets.UTF_8))) {
            summary = new BatchRun(loaded.get().determiner, input.threads, chosenDetail).run(source, rows, e -> refused.println(e.describe()),
                    BatchProgressBar.forTerminal());
        } catch (InputUnreadableException e) {
            err.println("Batch failed: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("Batch failed: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        stdout.printf("%d lines answered in %d claims, %d records refused%s; %d lines/s on %d thread%s%n", summary.linesAnswered(),
                summary.claims(), summary.errors(), summary.errors() > 0 ? " (listed in " + errorsFile + ")" : "",
                Math.round(summary.linesPerSecond()), input.threads, input.threads == 1 ? "" : "s");
        stdout.flush();
        return summary.errors() > 0 ? ExitCodes.INVALID_LINES : ExitCodes.OK;
    }

    private OutputFormat chosenFormat(String name, Path file) {
        if (name == null) {
            return OutputFormat.ofFile(file);
        }
        return OutputFormat.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown --format '" + name + "' (expected ndjson or csv)"));
    }
}
