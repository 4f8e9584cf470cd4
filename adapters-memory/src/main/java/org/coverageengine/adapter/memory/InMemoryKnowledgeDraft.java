package org.coverageengine.adapter.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.KnowledgeDraft;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.port.out.EditRows;

/**
 * A draft held in memory: collects catalog entries, completeness declarations, policies and NCCI tables from any number
 * of sources, merging what several sources say of the same code, and seals them into one immutable {@link Knowledge}
 * of an {@link InMemoryCodeCatalog}, {@link InMemoryCoveragePolicies} and {@link InMemoryCodingEdits}.
 */
public final class InMemoryKnowledgeDraft implements KnowledgeDraft {

    private final Map<Code, List<CodeEntry>> entries = new HashMap<>();
    private final List<CompletenessDeclaration> declarations = new ArrayList<>();
    private final List<CodePatternFacts> patternFacts = new ArrayList<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final List<CompactPtpTable.Builder> ptpTables = new ArrayList<>();
    private final List<CompactPtpTable> sealedPtpTables = new ArrayList<>();
    private final Map<EditTableId, Map<String, MueEdit>> mueTables = new LinkedHashMap<>();

    /** A draft seeded with everything an in-memory snapshot holds, to extend it. */
    static InMemoryKnowledgeDraft from(InMemoryCodeCatalog catalog, List<Policy> policies, InMemoryCodingEdits edits) {
        InMemoryKnowledgeDraft draft = new InMemoryKnowledgeDraft();
        // Sealed tables are immutable, so the new snapshot shares them.
        draft.sealedPtpTables.addAll(edits.ptpTables());
        edits.mueTables().forEach((id, rows) -> draft.mueTables.put(id, new HashMap<>(rows)));
        catalog.allEntries().forEach((code, list) -> draft.entries.put(code, new ArrayList<>(list)));
        draft.declarations.addAll(catalog.declarations());
        draft.patternFacts.addAll(catalog.patternFacts());
        policies.forEach(draft::addPolicy);
        return draft;
    }

    /**
     * Adds a catalog entry. When an entry of the same code overlaps it in time, the two are merged (the earlier
     * source's texts win, validity narrows to the overlap); otherwise it is kept as another dated version.
     */
    @Override
    public InMemoryKnowledgeDraft addCode(CodeEntry entry) {
        List<CodeEntry> list = entries.computeIfAbsent(entry.code(), c -> new ArrayList<>(1));
        for (int i = 0; i < list.size(); i++) {
            Optional<DateRange> overlap = list.get(i).validity().intersect(entry.validity());
            if (overlap.isPresent()) {
                list.set(i, list.get(i).mergedWith(entry));
                return this;
            }
        }
        list.add(entry);
        list.sort((a, b) -> {
            if (a.validity().start() == null) {
                return b.validity().start() == null ? 0 : -1;
            }
            return b.validity().start() == null ? 1 : a.validity().start().compareTo(b.validity().start());
        });
        return this;
    }

    /** States facts for a pattern of codes; the first source to state a fact for a code wins. */
    @Override
    public InMemoryKnowledgeDraft addCodeFacts(CodePatternFacts facts) {
        if (!patternFacts.contains(facts)) {
            patternFacts.add(facts);
        }
        return this;
    }

    /** Declares that a full official code set was loaded for a period. */
    @Override
    public InMemoryKnowledgeDraft declareComplete(CompletenessDeclaration declaration) {
        if (!declarations.contains(declaration)) {
            declarations.add(declaration);
        }
        return this;
    }

    /** Adds a policy version; a second version of the same number and effective date replaces the first. */
    @Override
    public InMemoryKnowledgeDraft addPolicy(Policy policy) {
        policies.put(policy.number() + "@" + policy.effectiveDate(), policy);
        return this;
    }

    /** Starts a PTP table, or continues one of the same kind, programme, setting and quarter read from another file. */
    @Override
    public EditRows<PtpEdit> addPtpTable(EditTableId table) {
        for (CompactPtpTable.Builder builder : ptpTables) {
            if (builder.id().sameTableAs(table)) {
                return builder.continuedFrom(table);
            }
        }
        CompactPtpTable.Builder builder = new CompactPtpTable.Builder(table);
        ptpTables.add(builder);
        return builder;
    }

    /** Starts an MUE table, or continues one of the same kind, programme, setting and quarter; a later row of a code wins. */
    @Override
    public EditRows<MueEdit> addMueTable(EditTableId table) {
        for (EditTableId known : new ArrayList<>(mueTables.keySet())) {
            if (known.sameTableAs(table)) {
                Map<String, MueEdit> rows = mueTables.remove(known);
                EditTableId merged = known.withMoreSources(table.source());
                mueTables.put(merged, rows);
                return row -> rows.put(row.code(), row);
            }
        }
        Map<String, MueEdit> rows = new HashMap<>();
        mueTables.put(table, rows);
        return row -> rows.put(row.code(), row);
    }

    @Override
    public Knowledge seal(String version) {
        List<CompactPtpTable> compact = new ArrayList<>(sealedPtpTables);
        for (CompactPtpTable.Builder builder : ptpTables) {
            compact.removeIf(t -> t.id().sameTableAs(builder.id()));
            compact.add(builder.build());
        }
        return new Knowledge(version, new InMemoryCodeCatalog(withPatternFacts(), declarations, patternFacts),
                new InMemoryCoveragePolicies(new ArrayList<>(policies.values())), new InMemoryCodingEdits(compact, mueTables));
    }

    // Applied when sealing, so a code whose entry comes from a source read after the pattern's still gets its facts.
    private Map<Code, List<CodeEntry>> withPatternFacts() {
        if (patternFacts.isEmpty()) {
            return entries;
        }
        Map<Code, List<CodeEntry>> applied = new HashMap<>(entries);
        entries.forEach((code, list) -> {
            List<CodePatternFacts> matching = patternFacts.stream().filter(f -> f.matches(code)).toList();
            if (!matching.isEmpty()) {
                List<CodeEntry> patched = new ArrayList<>(list.size());
                for (CodeEntry entry : list) {
                    CodeEntry withFacts = entry;
                    for (CodePatternFacts facts : matching) {
                        withFacts = withFacts.withPatternFacts(facts);
                    }
                    patched.add(withFacts);
                }
                applied.put(code, patched);
            }
        });
        return applied;
    }
}
