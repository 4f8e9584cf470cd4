package org.coverageengine.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.edit.EditKind;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.ModifierIndicator;
import org.coverageengine.domain.edit.Programme;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.engine.CodeLookup;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.out.EditRows;
import org.coverageengine.domain.port.out.KnowledgeSink;
import org.coverageengine.domain.port.out.KnowledgeSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NCCI part of a code's page: every PTP edit naming the code, with its role, dates, indicator, rationale and table. */
class CodePagesTest {

    private static final EditTableId TABLE = new EditTableId(EditKind.PTP, Programme.MEDICARE, EditSetting.PRACTITIONER,
            LocalDate.of(2026, 7, 1), "ccipra-v322r0-f1.txt");
    private static CodePages pages;

    @BeforeAll
    static void load() {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        LoadedKnowledge knowledge = new LoadedKnowledge(store.empty());
        KnowledgeSource ptp = new KnowledgeSource() {
            @Override
            public String describe() {
                return TABLE.source();
            }

            @Override
            public void contributeTo(KnowledgeSink sink) {
                EditRows<PtpEdit> rows = sink.addPtpTable(TABLE);
                rows.add(new PtpEdit("0001A", "95940", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31), ModifierIndicator.NOT_ALLOWED,
                        "CPT Manual or CMS manual coding instruction"));
                rows.add(new PtpEdit("95940", "96523", LocalDate.of(2020, 1, 1), null, ModifierIndicator.ALLOWED, "Mutually exclusive procedures"));
                // A code named by more rows than a page lists, as E/M codes are in the CMS tables.
                for (int i = 0; i < CodePages.NAMING_ROWS_SHOWN + 10; i++) {
                    rows.add(new PtpEdit(String.format("%05d", 10000 + i), "95941", LocalDate.of(2020, 1, 1), null, ModifierIndicator.ALLOWED,
                            "Misuse of column two code with column one code"));
                }
            }
        };
        new KnowledgePublisher(store, knowledge).replaceWith(CsvPolicyPack.embeddedWith(ptp));
        pages = new CodePages(new CodeLookup(knowledge), new PolicyDirectory(knowledge), () -> knowledge.get().edits());
    }

    @ParameterizedTest(name = "{0} is {1} of {2}")
    @CsvSource({
        "95940, column 2, 0001A / 95940, 2023-12-31, 0 (no modifier allowed), CPT Manual or CMS manual coding instruction",
        "95940, column 1, 95940 / 96523, '', 1 (modifier allowed), Mutually exclusive procedures"})
    void listsEveryEditNamingTheCodeWithItsRole(String code, String role, String pair, String deleted, String indicator, String rationale) {
        String page = pages.code(code, null).orElseThrow();
        String[] codes = pair.split(" / ");
        assertThat(page).contains("Medicare practitioner PTP 2026-07-01 (ccipra-v322r0-f1.txt): 2 edits name " + code + "</caption>",
                "<a href=\"/code/" + codes[0] + "\">" + codes[0] + "</a> / <a href=\"/code/" + codes[1] + "\">" + codes[1] + "</a></td><td>" + role
                        + "</td><td>", "</td><td>" + deleted + "</td><td>" + indicator + "</td><td>" + rationale + "</td></tr>");
    }

    @Test
    void listsTheFirstRowsOfACommonCodeAndCountsThemAll() {
        String page = pages.code("95941", null).orElseThrow();
        assertThat(page).contains((CodePages.NAMING_ROWS_SHOWN + 10) + " edits name 95941, the first " + CodePages.NAMING_ROWS_SHOWN + " shown");
        assertThat(page.split("<td>column 2</td>", -1)).hasSize(CodePages.NAMING_ROWS_SHOWN + 1);
    }

    @Test
    void saysWhenNoTableNamesTheCode() {
        assertThat(pages.code("95707", null).orElseThrow()).contains("No loaded PTP table names 95707.");
    }
}
