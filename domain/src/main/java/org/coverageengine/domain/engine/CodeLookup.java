package org.coverageengine.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.port.out.CodingEdits;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.LookUpCode;

/**
 * Answers code look-ups from the knowledge in force: catalog facts plus the policies that mention the code; a code only
 * the NCCI tables know is found too, with no facts, so its edits can be shown.
 */
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
        // Most procedure codes a biller looks up are in no catalog a deployment loads, but in the NCCI tables it applies.
        for (Code code : candidates(text)) {
            if (code.system() != CodeSystem.ICD10CM && namedByAnEdit(snapshot.edits(), code.value())) {
                return Optional.of(new CodeFacts(code.value(), List.of(), List.of()));
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

    private static boolean namedByAnEdit(CodingEdits edits, String code) {
        for (EditTableId table : edits.tables()) {
            boolean named = table.kind() == EditKind.PTP ? edits.ptpEditsNaming(table, code, 0).total() > 0 : edits.mueEdit(table, code).isPresent();
            if (named) {
                return true;
            }
        }
        return false;
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
