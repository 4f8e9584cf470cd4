package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coverageengine.domain.authoring.CaseResult;
import org.coverageengine.domain.authoring.PackTestCase;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.port.in.TestPack;

/** Runs pack test cases through the same determination every client gets, and names what differed. */
public final class PackTestRunner implements TestPack {

    private final DetermineCoverage engine;

    /** Runs cases against the engine's loaded knowledge. */
    public PackTestRunner(DetermineCoverage engine) {
        this.engine = engine;
    }

    @Override
    public List<CaseResult> run(List<PackTestCase> cases) {
        List<CaseResult> results = new ArrayList<>(cases.size());
        for (PackTestCase testCase : cases) {
            results.add(new CaseResult(testCase, differences(testCase, engine.determine(testCase.request()))));
        }
        return results;
    }

    private static List<String> differences(PackTestCase testCase, CoverageDecision decision) {
        List<String> differences = new ArrayList<>();
        List<Determination> lines = decision.determinations();
        for (int i = 0; i < testCase.expected().size(); i++) {
            Outcome expected = testCase.expected().get(i);
            Determination line = lines.get(i);
            if (line.outcome() != expected) {
                differences.add("line " + (i + 1) + " (" + line.code() + "): expected " + expected.code() + ", was " + line.outcome().code()
                        + ": " + line.explanation());
            }
        }
        String fragment = testCase.reasonFragment().toLowerCase(Locale.ROOT);
        if (!fragment.isEmpty() && lines.stream().noneMatch(d -> d.explanation().toLowerCase(Locale.ROOT).contains(fragment))) {
            differences.add("no line's reason mentions '" + testCase.reasonFragment() + "'");
        }
        return differences;
    }
}
