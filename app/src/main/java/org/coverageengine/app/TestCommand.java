package org.coverageengine.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.authoring.CaseResult;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PackTestRunner;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.port.out.KnowledgeSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** test: runs the test cases a pack carries (tests.csv) against the embedded packs plus the packs given. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the test cases (tests.csv) of policy packs.",
        footer = {"", "Without PACK, tests the embedded packs.",
            "Exit codes: 0 every case passes, 2 usage error, 3 some case fails, 4 a pack cannot be read (file:line:column: reason)."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PACK", arity = "0..*", description = "Policy pack folders (default: the embedded packs).")
    List<Path> packs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CsvPolicyPack> tested = new ArrayList<>();
        try {
            if (packs.isEmpty()) {
                tested.addAll(CsvPolicyPack.embedded());
            }
            for (Path pack : packs) {
                tested.add(CsvPolicyPack.fromDirectory(pack, ReadLimits.DEFAULTS));
            }
        } catch (ImportException e) {
            ImportErrorReport.print(err, "Error: a pack cannot be read", e);
            return ExitCodes.BAD_INPUT;
        }
        List<KnowledgeSource> sources = new ArrayList<>();
        if (!packs.isEmpty()) {
            sources.addAll(CsvPolicyPack.embedded());
        }
        sources.addAll(tested);
        int failed = report(out, tested, runner(sources));
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID_LINES;
    }

    /** Runs every pack's cases, prints each failing one with what differed and a summary; returns how many failed. */
    static int report(PrintWriter out, List<CsvPolicyPack> packs, PackTestRunner runner) {
        int cases = 0;
        int failed = 0;
        for (CsvPolicyPack pack : packs) {
            for (CaseResult result : runner.run(pack.tests())) {
                cases++;
                if (!result.passed()) {
                    failed++;
                    out.println("FAIL " + pack.id() + " " + result.testCase().source() + " '" + result.testCase().name() + "'");
                    result.differences().forEach(d -> out.println("  " + d));
                }
            }
            if (pack.tests().isEmpty()) {
                out.println("pack " + pack.id() + ": no test cases (add tests.csv, see docs/policy-pack.md)");
            }
        }
        out.println(cases + " cases, " + (cases - failed) + " passed, " + failed + " failed");
        return failed;
    }

    /** A runner on the knowledge of these sources alone. */
    static PackTestRunner runner(List<KnowledgeSource> sources) {
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), sources, 0);
        return new PackTestRunner(new CoverageDeterminer(() -> knowledge, Clock.systemDefaultZone()));
    }
}
