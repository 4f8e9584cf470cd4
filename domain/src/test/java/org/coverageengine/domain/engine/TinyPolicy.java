package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.testing.ListedPolicies;
import org.coverageengine.domain.testing.NoCodes;
import org.coverageengine.domain.testing.NoEdits;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Condition;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Effect;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.policy.Statement;

/** Test fixture: a small policy built in code, exercising each statement kind of the rule model. */
final class TinyPolicy {

    private TinyPolicy() {
    }

    static CodeGroup group(String name, String... codes) {
        Map<Code, DateRange> members = new LinkedHashMap<>();
        for (String code : codes) {
            members.put(Code.procedure(code), DateRange.ALWAYS);
        }
        return new CodeGroup(name, name, "section " + name, members, List.of());
    }

    static Policy build(List<Statement> statements) {
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        groups.put("MON", group("MON", "95940"));
        groups.put("BASE", group("BASE", "95925", "95926"));
        groups.put("A", group("A", "11111"));
        groups.put("B", group("B", "22222"));
        groups.put("DX", new CodeGroup("DX", "Brain tumour diagnoses", "section DX", Map.of(Code.icd10cm("C71.1"), DateRange.ALWAYS),
                List.of()));
        Map<String, CriteriaNode> criteria = Map.of("NEED", new CriteriaNode("need", "all", CriteriaNode.Combinator.ALL,
                List.of(CriteriaNode.leaf("x", "x is documented"))));
        return new Policy("T1", "Tiny", "Test payer", LocalDate.of(2024, 1, 1), null, null, Set.of(LineOfBusiness.COMMERCIAL), Map.of(),
                Set.of("MON", "BASE"), List.of(), List.of(), groups, criteria, statements);
    }

    /** Knowledge holding only the tiny policy with the statements, and no catalog. */
    static Knowledge knowledge(List<Statement> statements) {
        return new Knowledge("tiny", new NoCodes(), new ListedPolicies(List.of(build(statements))), new NoEdits());
    }

    static Statement statement(String id, Set<String> lineGroups, List<Condition> when, Effect effect) {
        return new Statement(id, "section", lineGroups, Set.of(), when, effect, id + " applies.");
    }

    static Effect decide(Outcome outcome) {
        return new Effect.Decide(outcome);
    }
}
