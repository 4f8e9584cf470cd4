package org.coverageengine.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.authoring.PackDifference;
import org.coverageengine.domain.engine.PackComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** diff: what changed between two versions of a policy pack (policies, versions, codes per group, statements). */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what changed between two policy packs.",
        footer = {"", "Exit codes: 0 the packs were compared (differences or not), 2 usage error, 4 a pack cannot be read (file:line:column: reason)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older pack folder.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer pack folder.")
    Path newer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsvPolicyPack before;
        CsvPolicyPack after;
        try {
            before = CsvPolicyPack.fromDirectory(older, ReadLimits.DEFAULTS);
            after = CsvPolicyPack.fromDirectory(newer, ReadLimits.DEFAULTS);
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Error: cannot compare", e);
            return ExitCodes.BAD_INPUT;
        }
        List<PackDifference> differences = new PackComparison().diff(before.policies(), after.policies());
        out.println("pack " + before.id() + " " + before.version() + " -> " + after.id() + " " + after.version() + ": "
                + differences.size() + " differences");
        differences.forEach(d -> out.println("  " + d));
        out.flush();
        return ExitCodes.OK;
    }
}
