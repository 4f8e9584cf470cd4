package org.coverageengine.domain.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;

/** Test fixture: small policy versions (a number, an effective date, one statement) for port contract tests. */
public final class SamplePolicies {

    private SamplePolicies() {
    }

    /** A version of a one-statement policy that calls 95940 experimental from the effective date on. */
    public static Policy version(String number, LocalDate effective) {
        CodeGroup group = new CodeGroup("MON", "Monitoring", "section", Map.of(Code.cpt("95940"), DateRange.ALWAYS), List.of());
        Statement statement = new Statement("s1", "section", Set.of("MON"), Set.of(), List.of(), new Effect.Decide(Outcome.EXPERIMENTAL),
                "Monitoring is experimental.");
        return new Policy(number, "Policy " + number, "Test payer", effective, null, null, Set.of(LineOfBusiness.COMMERCIAL), Map.of(),
                Set.of(), List.of(), List.of(), Map.of("MON", group), Map.of(), List.of(statement));
    }
}
