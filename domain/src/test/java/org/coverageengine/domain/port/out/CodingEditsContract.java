package org.coverageengine.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.MueAdjudication;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.MueLookup;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.edit.PtpEditsNaming;
import org.coverageengine.domain.edit.PtpMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link CodingEdits} must do: find a pair's PTP rows in the order written (the pair is ordered), pick the
 * table of the date (the latest quarter started, else the earliest), the edit in force on it (the deletion date is the
 * last day in force), MUE tables in force from their quarter until the next one, tables spread over several files, and
 * the rows naming a code on either side, bounded and counted.
 */
public abstract class CodingEditsContract {

    protected static final LocalDate Q3_2026 = LocalDate.of(2026, 7, 1);
    protected static final LocalDate Q4_2026 = LocalDate.of(2026, 10, 1);
    private static final EditTableId PTP_Q3 = new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER, Q3_2026, "f1.txt");
    private static final EditTableId PTP_Q4 = new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER, Q4_2026, "q4.txt");
    private static final EditTableId MUE_Q3 = new EditTableId(EditKind.MUE, Programme.MEDICARE, EditSetting.PRACTITIONER, Q3_2026, "mue3.csv");
    private static final EditTableId MUE_Q4 = new EditTableId(EditKind.MUE, Programme.MEDICARE, EditSetting.PRACTITIONER, Q4_2026, "mue4.csv");

    /** A new, empty draft of the store whose edits are under test. */
    protected abstract KnowledgeDraft draft();

    private static PtpEdit ptp(String c1, String c2, String effective, String deletion, ModifierIndicator indicator) {
        return new PtpEdit(c1, c2, LocalDate.parse(effective), deletion == null ? null : LocalDate.parse(deletion), indicator, "why " + c2);
    }

    private CodingEdits twoQuarters() {
        KnowledgeDraft draft = draft();
        EditRows<PtpEdit> q3 = draft.addPtpTable(PTP_Q3);
        q3.add(ptp("0001U", "0029U", "2018-07-01", "2026-06-30", ModifierIndicator.ALLOWED));
        q3.add(ptp("0001A", "36591", "2022-01-01", "2023-12-31", ModifierIndicator.NOT_ALLOWED));
        q3.add(ptp("0001A", "36591", "2024-01-01", null, ModifierIndicator.ALLOWED));
        q3.add(ptp("0001A", "90473", "2022-01-01", "2022-01-01", ModifierIndicator.NOT_APPLICABLE));
        draft.addPtpTable(PTP_Q4).add(ptp("0001U", "0029U", "2026-10-01", null, ModifierIndicator.NOT_ALLOWED));
        draft.addMueTable(MUE_Q3).add(new MueEdit("0009U", 2, MueAdjudication.DATE_OF_SERVICE_CLINICAL, "Nature of Analyte"));
        draft.addMueTable(MUE_Q4).add(new MueEdit("0009U", 3, MueAdjudication.DATE_OF_SERVICE_CLINICAL, "Nature of Analyte"));
        return draft.seal("t").edits();
    }

    @Test
    void listsTheTablesByKindProgrammeSettingAndQuarter() {
        assertThat(twoQuarters().tables()).containsExactly(PTP_Q3, PTP_Q4, MUE_Q3, MUE_Q4);
        assertThat(draft().seal("empty").edits().tables()).isEmpty();
    }

    @Test
    void findsEveryRowOfAnOrderedPairInTheOrderWritten() {
        CodingEdits edits = twoQuarters();
        assertThat(edits.ptpEdits(PTP_Q3, "0001A", "36591")).extracting(PtpEdit::indicator)
                .containsExactly(ModifierIndicator.NOT_ALLOWED, ModifierIndicator.ALLOWED);
        assertThat(edits.ptpEdits(PTP_Q3, "36591", "0001A")).as("column 1 and column 2 are not interchangeable").isEmpty();
        assertThat(edits.ptpEdits(PTP_Q3, "0001A", "99999")).isEmpty();
        assertThat(edits.ptpEdits(PTP_Q4, "0001A", "36591")).as("tables do not leak into each other").isEmpty();
    }

    @Test
    void findsEveryRowAmongTheCodesOfARequestInOneCall() {
        CodingEdits edits = twoQuarters();
        assertThat(edits.ptpEditsAmong(PTP_Q3, java.util.Set.of("0001A", "36591", "90473", "99999"))).extracting(PtpEdit::pair)
                .containsExactlyInAnyOrder("0001A/36591", "0001A/36591", "0001A/90473");
        assertThat(edits.ptpEditsAmong(PTP_Q3, java.util.Set.of("36591", "90473"))).isEmpty();
        assertThat(edits.ptpEditsAmong(PTP_Q4, java.util.Set.of("0001A", "36591"))).isEmpty();
    }

    private CodingEdits namingTable() {
        KnowledgeDraft draft = draft();
        EditRows<PtpEdit> rows = draft.addPtpTable(PTP_Q3);
        rows.add(ptp("0001A", "36591", "2022-01-01", "2023-12-31", ModifierIndicator.NOT_ALLOWED));
        rows.add(ptp("36591", "96523", "2020-01-01", null, ModifierIndicator.ALLOWED));
        rows.add(ptp("0001A", "36591", "2024-01-01", null, ModifierIndicator.ALLOWED));
        rows.add(ptp("36591", "36000", "2020-01-01", null, ModifierIndicator.ALLOWED));
        rows.add(ptp("0002A", "36591", "2022-01-01", null, ModifierIndicator.NOT_ALLOWED));
        rows.add(ptp("0002A", "96523", "2022-01-01", null, ModifierIndicator.NOT_ALLOWED));
        draft.addPtpTable(PTP_Q4).add(ptp("0001U", "0029U", "2026-10-01", null, ModifierIndicator.NOT_ALLOWED));
        return draft.seal("t").edits();
    }

    static Stream<Arguments> codesNamed() {
        return Stream.of(
                Arguments.of("as column 1 first, by column 2, then as column 2, by column 1 and file order", "36591", 10,
                        List.of("36591/36000 2020-01-01", "36591/96523 2020-01-01", "0001A/36591 2022-01-01", "0001A/36591 2024-01-01",
                                "0002A/36591 2022-01-01"), 5),
                Arguments.of("bounded, still counting every row", "36591", 2, List.of("36591/36000 2020-01-01", "36591/96523 2020-01-01"), 5),
                Arguments.of("the bound may fall among the column-2 rows", "36591", 3,
                        List.of("36591/36000 2020-01-01", "36591/96523 2020-01-01", "0001A/36591 2022-01-01"), 5),
                Arguments.of("a limit of 0 only counts", "36591", 0, List.of(), 5),
                Arguments.of("only as column 1", "0002A", 10, List.of("0002A/36591 2022-01-01", "0002A/96523 2022-01-01"), 2),
                Arguments.of("only as column 2", "96523", 10, List.of("0002A/96523 2022-01-01", "36591/96523 2020-01-01"), 2),
                Arguments.of("a code of another table only", "0029U", 10, List.of(), 0),
                Arguments.of("a code of no table", "99999", 10, List.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codesNamed")
    void findsTheRowsNamingACodeOnEitherSide(String why, String code, int limit, List<String> expected, int total) {
        PtpEditsNaming naming = namingTable().ptpEditsNaming(PTP_Q3, code, limit);
        assertThat(naming.rows()).extracting(e -> e.pair() + " " + e.effective()).containsExactlyElementsOf(expected);
        assertThat(naming.total()).isEqualTo(total);
        assertThat(naming.truncated()).isEqualTo(expected.size() < total);
    }

    @Test
    void tellsTheRoleOfTheCodeInARowNamingIt() {
        PtpEditsNaming naming = namingTable().ptpEditsNaming(PTP_Q3, "36591", 10);
        assertThat(naming.rows()).extracting(naming::roleIn)
                .containsExactly("column 1", "column 1", "column 2", "column 2", "column 2");
        assertThat(namingTable().ptpEditsNaming(PTP_Q4, "36591", 10).total()).as("tables do not leak into each other").isZero();
    }

    static Stream<Arguments> datesOfService() {
        return Stream.of(
                Arguments.of("on its deletion date the edit still applies", "2026-06-30", "0001U", "0029U", "2018-07-01"),
                Arguments.of("the day after its deletion it does not", "2026-07-01", "0001U", "0029U", null),
                Arguments.of("before its effective date it does not", "2018-06-30", "0001U", "0029U", null),
                Arguments.of("the later quarter is used from its first day", "2026-10-01", "0001U", "0029U", "2026-10-01"),
                Arguments.of("of two rows of one pair, the one in force", "2023-12-31", "0001A", "36591", "2022-01-01"),
                Arguments.of("and the next one the day after", "2024-01-01", "0001A", "36591", "2024-01-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datesOfService")
    void findsTheEditInForceOnTheDate(String why, String date, String column1, String column2, String effective) {
        Optional<PtpMatch> match = twoQuarters().ptp(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.parse(date), column1, column2);
        assertThat(match.map(m -> m.edit().effective().toString())).isEqualTo(Optional.ofNullable(effective));
    }

    @Test
    void answersDatesBeforeTheFirstLoadedQuarterFromTheEarliestTable() {
        CodingEdits edits = twoQuarters();
        assertThat(edits.ptpTableFor(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2023, 3, 1))).contains(PTP_Q3);
        assertThat(edits.ptpTableFor(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2027, 3, 1))).contains(PTP_Q4);
        assertThat(edits.ptpTableFor(Programme.MEDICAID, EditSetting.PRACTITIONER, LocalDate.of(2027, 3, 1))).isEmpty();
        assertThat(edits.ptpTableFor(Programme.MEDICARE, EditSetting.OUTPATIENT_HOSPITAL, LocalDate.of(2027, 3, 1))).isEmpty();
    }

    @Test
    void returnsIndicatorNineRowsWhichNeverApply() {
        Optional<PtpMatch> match = twoQuarters().ptp(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2022, 1, 1), "0001A", "90473");
        assertThat(match).hasValueSatisfying(m -> assertThat(m.edit().applicable()).isFalse());
    }

    @Test
    void appliesAnMueQuarterFromItsFirstDayUntilTheNextLoadedOne() {
        CodingEdits edits = twoQuarters();
        assertThat(edits.mue(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2026, 6, 30), "0009U"))
                .isInstanceOfSatisfying(MueLookup.NoQuarter.class, n -> assertThat(n.why()).contains("starts 2026-07-01"));
        assertThat(edits.mue(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2026, 9, 30), "0009U"))
                .isEqualTo(new MueLookup.InQuarter(MUE_Q3, Optional.of(new MueEdit("0009U", 2, MueAdjudication.DATE_OF_SERVICE_CLINICAL,
                        "Nature of Analyte"))));
        assertThat(edits.mue(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2030, 1, 1), "0009U"))
                .isInstanceOfSatisfying(MueLookup.InQuarter.class, q -> assertThat(q.edit().orElseThrow().value()).isEqualTo(3));
        assertThat(edits.mue(Programme.MEDICARE, EditSetting.PRACTITIONER, LocalDate.of(2026, 9, 30), "0010U"))
                .isEqualTo(new MueLookup.InQuarter(MUE_Q3, Optional.empty()));
        assertThat(edits.mue(Programme.MEDICAID, EditSetting.PRACTITIONER, LocalDate.of(2026, 9, 30), "0009U"))
                .isInstanceOfSatisfying(MueLookup.NoQuarter.class, n -> assertThat(n.why()).contains("no Medicaid practitioner MUE table"));
    }

    @Test
    void joinsOneTableReadFromSeveralFiles() {
        KnowledgeDraft draft = draft();
        draft.addPtpTable(PTP_Q3).add(ptp("0001A", "36591", "2022-01-01", null, ModifierIndicator.NOT_ALLOWED));
        EditTableId second = new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER, Q3_2026, "f2.txt");
        draft.addPtpTable(second).add(ptp("99213", "36591", "2022-01-01", null, ModifierIndicator.ALLOWED));
        CodingEdits edits = draft.seal("t").edits();
        assertThat(edits.tables()).singleElement().satisfies(t -> assertThat(t.source()).isEqualTo("f1.txt + f2.txt"));
        EditTableId joined = edits.tables().get(0);
        assertThat(edits.ptpEdits(joined, "0001A", "36591")).hasSize(1);
        assertThat(edits.ptpEdits(joined, "99213", "36591")).hasSize(1);
    }

    @Test
    void keepsManyRowsFindable() {
        KnowledgeDraft draft = draft();
        EditRows<PtpEdit> rows = draft.addPtpTable(PTP_Q3);
        for (int i = 0; i < 5000; i++) {
            rows.add(ptp(String.format("%05d", 10000 + i % 100), String.format("%05d", 20000 + i), "2020-01-01", null, ModifierIndicator.ALLOWED));
        }
        CodingEdits edits = draft.seal("t").edits();
        assertThat(edits.ptpEdits(PTP_Q3, "10007", "24907")).singleElement().satisfies(e -> assertThat(e.rationale()).isEqualTo("why 24907"));
        assertThat(edits.ptpEdits(PTP_Q3, "10008", "24907")).isEmpty();
        assertThat(edits.ptpEditsAmong(PTP_Q3, java.util.Set.of("10007", "24907", "24807", "10000"))).extracting(PtpEdit::pair)
                .containsExactlyInAnyOrder("10007/24907", "10007/24807");
        assertThat(edits.ptpEditsNaming(PTP_Q3, "24907", 10).rows()).extracting(PtpEdit::pair).containsExactly("10007/24907");
        PtpEditsNaming column1 = edits.ptpEditsNaming(PTP_Q3, "10007", 3);
        assertThat(column1.rows()).extracting(PtpEdit::pair).containsExactly("10007/20007", "10007/20107", "10007/20207");
        assertThat(column1.total()).isEqualTo(50);
        List<EditTableId> tables = edits.tables();
        assertThat(tables).containsExactly(PTP_Q3);
    }
}
