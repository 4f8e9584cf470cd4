package org.coverageengine.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coverageengine.domain.testing.SamplePolicies.version;

import java.time.LocalDate;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.MueAdjudication;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.policy.Policy;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeStore} must do: a draft seals into exactly what its sources wrote, what two sources say
 * of one code in the same period is merged (the first source's texts win), and drafts never leak into one another.
 */
public abstract class KnowledgeStoreContract {

    private static final LocalDate Y2000 = LocalDate.of(2000, 1, 1);

    /** The store under test, empty. */
    protected abstract KnowledgeStore store();

    @Test
    void emptyKnowledgeHoldsNothing() {
        Knowledge empty = store().empty();
        assertThat(empty.version()).isEqualTo("empty");
        assertThat(empty.catalog().countsBySystem()).isEmpty();
        assertThat(empty.policies().all()).isEmpty();
        assertThat(empty.edits().tables()).isEmpty();
    }

    @Test
    void sealsTheEditTablesWrittenAndLeaksThemIntoNoOtherDraft() {
        KnowledgeStore store = store();
        KnowledgeDraft draft = store.newDraft();
        EditTableId ptp = new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2026, 7, 1), "ccipra.txt");
        EditTableId mue = new EditTableId(EditKind.MUE, Programme.MEDICAID, EditSetting.PRACTITIONER, LocalDate.of(2026, 7, 1), "mue.csv");
        draft.addPtpTable(ptp).add(new PtpEdit("0001A", "36591", LocalDate.of(2022, 1, 1), null, ModifierIndicator.NOT_ALLOWED, "CPT"));
        draft.addMueTable(mue).add(new MueEdit("0009U", 2, MueAdjudication.DATE_OF_SERVICE_CLINICAL, "Nature of Analyte"));
        Knowledge knowledge = draft.seal("t");
        assertThat(knowledge.edits().tables()).containsExactly(ptp, mue);
        assertThat(knowledge.edits().ptpEdits(ptp, "0001A", "36591")).hasSize(1);
        assertThat(knowledge.edits().mueEdit(mue, "0009U")).isPresent();
        assertThat(store.newDraft().seal("next").edits().tables()).isEmpty();
    }

    @Test
    void sealsWhatWasWrittenUnderTheVersion() {
        KnowledgeDraft draft = store().newDraft();
        draft.addCode(CodeEntry.of(Code.hcpcs("S9090"), "Vertebral axial decompression, per session", DateRange.ALWAYS, "pack"));
        draft.declareComplete(new CompletenessDeclaration(CodeSystem.HCPCS, new DateRange(Y2000, LocalDate.of(2000, 12, 31)), "HCPCS 2000"));
        Policy policy = version("0509", LocalDate.of(2024, 9, 15));
        draft.addPolicy(policy);
        Knowledge knowledge = draft.seal("#1 [test]");
        assertThat(knowledge.version()).isEqualTo("#1 [test]");
        assertThat(knowledge.catalog().entries(Code.hcpcs("S9090"))).extracting(CodeEntry::display)
                .containsExactly("Vertebral axial decompression, per session");
        assertThat(knowledge.catalog().declaresComplete(CodeSystem.HCPCS, Y2000)).isTrue();
        assertThat(knowledge.policies().all()).containsExactly(policy);
    }

    @Test
    void mergesTwoSourcesOnOneCodeInTheSamePeriod() {
        KnowledgeDraft draft = store().newDraft();
        draft.addCode(CodeEntry.of(Code.hcpcs("S9117"), "Back school, per visit", DateRange.ALWAYS, "pack"));
        draft.addCode(CodeEntry.of(Code.hcpcs("S9117"), "BACK SCHOOL PER VISIT", DateRange.from(Y2000), "hcpcs"));
        CodeEntry merged = draft.seal("t").catalog().entries(Code.hcpcs("S9117")).get(0);
        assertThat(merged.display()).as("the first source's text wins").isEqualTo("Back school, per visit");
        assertThat(merged.validity().start()).as("validity narrows to the overlap").isEqualTo(Y2000);
        assertThat(merged.sources()).containsExactly("pack", "hcpcs");
    }

    @Test
    void keepsDisjointPeriodsAsDatedVersionsInDateOrder() {
        KnowledgeDraft draft = store().newDraft();
        draft.addCode(CodeEntry.of(Code.icd10cm("M51.36"), "new", DateRange.from(LocalDate.of(2026, 10, 1)), "b"));
        draft.addCode(CodeEntry.of(Code.icd10cm("M51.36"), "old", new DateRange(null, LocalDate.of(2024, 9, 30)), "a"));
        Knowledge knowledge = draft.seal("t");
        assertThat(knowledge.catalog().entries(Code.icd10cm("M51.36"))).extracting(CodeEntry::display).containsExactly("old", "new");
        assertThat(knowledge.catalog().entryOn(Code.icd10cm("M51.36"), LocalDate.of(2025, 3, 10))).isEmpty();
    }

    @Test
    void aSecondVersionWithTheSameNumberAndDateReplacesTheFirst() {
        KnowledgeDraft draft = store().newDraft();
        draft.addPolicy(version("0509", LocalDate.of(2024, 9, 15)));
        Policy replacement = version("0509", LocalDate.of(2024, 9, 15));
        draft.addPolicy(replacement);
        assertThat(draft.seal("t").policies().all()).containsExactly(replacement);
    }

    @Test
    void draftsDoNotLeakIntoEachOtherOrIntoSealedSnapshots() {
        KnowledgeStore store = store();
        KnowledgeDraft first = store.newDraft();
        first.addCode(CodeEntry.of(Code.cpt("95940"), "IOM", DateRange.ALWAYS, "a"));
        Knowledge sealed = first.seal("first");
        KnowledgeDraft abandoned = store.newDraft();
        abandoned.addCode(CodeEntry.of(Code.cpt("95941"), "IOM remote", DateRange.ALWAYS, "b"));
        Knowledge next = store.newDraft().seal("next");
        assertThat(sealed.catalog().entries(Code.cpt("95941"))).isEmpty();
        assertThat(next.catalog().entries(Code.cpt("95940"))).isEmpty();
        assertThat(next.catalog().entries(Code.cpt("95941"))).as("an abandoned draft changes nothing").isEmpty();
    }
}
