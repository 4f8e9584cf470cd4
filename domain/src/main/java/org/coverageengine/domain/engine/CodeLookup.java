package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.LookUpCode;

/** Answers code look-ups from the knowledge in force: catalog facts plus the policies that mention the code. */
public final class CodeLookup implements LookUpCode {

    private final Supplier<Knowledge> knowledge;

    /** Creates the look-up over the knowledge in force. */
    public CodeLookup(Supplier<Knowledge> knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    @Override
    public Optional<CodeFacts> byCode(String text) {
        Knowledge snapshot = knowledge.get();
        for (Code code : candidates(text)) {
            List<CodeEntry> entries = snapshot.catalog().entries(code);
            List<String> mentions = mentions(snapshot, code);
            if (!entries.isEmpty() || !mentions.isEmpty()) {
                return Optional.of(new CodeFacts(code.value(), entries, mentions));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CodeEntry> byKeyword(String words, int limit) {
        return knowledge.get().catalog().search(words, limit);
    }

    private static List<String> mentions(Knowledge snapshot, Code code) {
        List<String> mentions = new ArrayList<>();
        for (Policy policy : snapshot.policies().all()) {
            List<String> groups = policy.groupsMentioning(code);
            if (!groups.isEmpty()) {
                mentions.add("Policy " + policy.number() + " " + policy.title() + " (effective " + policy.effectiveDate() + "): "
                        + String.join(", ", groups));
            }
        }
        return mentions;
    }

    private static List<Code> candidates(String text) {
        List<Code> codes = new ArrayList<>(2);
        for (CodeSystem system : CodeSystem.values()) {
            try {
                codes.add(Code.of(system, text));
            } catch (IllegalArgumentException e) {
                // Not a code of this system; try the next one.
            }
        }
        return codes;
    }
}
