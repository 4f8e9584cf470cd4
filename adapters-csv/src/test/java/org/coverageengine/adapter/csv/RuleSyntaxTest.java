package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.PatientFacts;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pack syntax of each rule construct: what an author writes in statements.csv and group_codes.csv, and what it decides. */
class RuleSyntaxTest {

    @TempDir
    Path folder;

    private static final String POLICIES = "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\n"
            + "LAM-1,Lumbar laminectomy,Example payer,2025-01-01,,commercial,,,\n";
    private static final String GROUPS = "policy,group,title,section,pattern_system,pattern_prefix\n"
            + "LAM-1,LAMINECTOMY,Laminectomy,Codes,,\nLAM-1,TUMOR_DX,Tumours,Codes,,\nLAM-1,STENOSIS_DX,Stenosis,Codes,,\n";
    private static final String CODES = "policy,group,system,code,effective,termination,description\n"
            + "LAM-1,LAMINECTOMY,CPT,63001-63048,,,\nLAM-1,TUMOR_DX,ICD-10-CM,C71*,,,\nLAM-1,STENOSIS_DX,ICD-10-CM,M48.061,,,\n";
    private static final String HEADER = "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason,units_text\n";

    private Knowledge pack(String statementRows) {
        PackFolder.write(folder, "pack.csv", "pack_id,version,title\nlam,1,Laminectomy\n");
        PackFolder.write(folder, "policies.csv", POLICIES);
        PackFolder.write(folder, "groups.csv", GROUPS);
        PackFolder.write(folder, "group_codes.csv", CODES);
        PackFolder.write(folder, "statements.csv", HEADER + statementRows);
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), List.of(CsvPolicyPack.fromDirectory(folder)), 1);
    }

    record Case(String name, String statement, PatientFacts patient, String place, List<String> modifiers, String dx, Outcome outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final PatientFacts MAN_70 = new PatientFacts(null, null, 70, Sex.MALE);

    static Stream<Case> constructs() {
        String base = "LAM-1,10,RULE,Coverage,LAMINECTOMY,,";
        return Stream.of(
                new Case("decide covered", base + ",decide,covered,Covered.,", MAN_70, null, List.of(), "M48.061", Outcome.COVERED),
                new Case("any-dx-in", base + "any-dx-in(TUMOR_DX),decide,not-covered,No.,", MAN_70, null, List.of(), "M48.061|C71.1", Outcome.NOT_COVERED),
                new Case("primary-dx-in, secondary only", base + "primary-dx-in(TUMOR_DX),decide,not-covered,No.,", MAN_70, null, List.of(),
                        "M48.061|C71.1", Outcome.NO_POLICY),
                new Case("no-dx-in", base + "no-dx-in(TUMOR_DX),decide,covered,Yes.,", MAN_70, null, List.of(), "M48.061", Outcome.COVERED),
                new Case("age(65-)", base + "age(65-),decide,covered,Yes.,", MAN_70, null, List.of(), "M48.061", Outcome.COVERED),
                new Case("age(18-64) at 70", base + "age(18-64),decide,covered,Yes.,", MAN_70, null, List.of(), "M48.061", Outcome.NO_POLICY),
                new Case("age without a patient", base + "age(18-64),decide,covered,Yes.,", PatientFacts.UNKNOWN, null, List.of(), "M48.061",
                        Outcome.CONDITIONAL),
                new Case("sex(male)", base + "sex(male),decide,covered,Yes.,", MAN_70, null, List.of(), "M48.061", Outcome.COVERED),
                new Case("place(19,22) at 22", base + "\"place(19,22)\",decide,covered,Yes.,", MAN_70, "22", List.of(), "M48.061", Outcome.COVERED),
                new Case("place(19,22) at 11", base + "\"place(19,22)\",decide,covered,Yes.,", MAN_70, "11", List.of(), "M48.061", Outcome.NO_POLICY),
                new Case("modifier(22)", base + "modifier(22),decide,covered,Yes.,", MAN_70, null, List.of("22"), "M48.061", Outcome.COVERED),
                new Case("!modifier(22)", base + "!modifier(22),decide,covered,Yes.,", MAN_70, null, List.of("22"), "M48.061", Outcome.NO_POLICY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void constructs(Case c) {
        Knowledge knowledge = pack(c.statement() + "\n");
        List<CodeText> dx = Stream.of(c.dx().split("\\|")).map(CodeText::diagnosis).toList();
        CoverageRequest request = new CoverageRequest(LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL,
                List.of(new RequestedLine(1, CodeText.procedure("63030"), 1, c.modifiers(), dx)), Set.of(), c.patient(), c.place());

        Determination line = new CoverageDeterminer(() -> knowledge, Clock.systemUTC()).determine(request).determinations().get(0);

        assertThat(line.outcome()).isEqualTo(c.outcome());
    }

    record Bad(String name, String when, String effect, String argument, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> mistakes() {
        return Stream.of(
                new Bad("age with words", "age(adult)", "decide", "covered", "statements.csv:2:7: condition 'age(adult)': an age is MIN-MAX"),
                new Bad("age upside down", "age(64-18)", "decide", "covered", "statements.csv:2:7: condition 'age(64-18)': the lower age 64"),
                new Bad("unknown sex", "sex(x)", "decide", "covered", "statements.csv:2:7: condition 'sex(x)': the sex is female, male or other"),
                new Bad("three-digit place", "place(221)", "decide", "covered", "statements.csv:2:7: condition 'place(221)': '221' is not valid"),
                new Bad("unit scope unknown", "", "limit-units", "2 per visit", "statements.csv:2:9: limit-units needs a whole number"),
                new Bad("unit group unknown", "", "limit-units", "2 per group NOPE", "statements.csv:2:9: unknown group 'NOPE' to count units over"),
                new Bad("period without unit", "", "limit-period", "4 per 12", "statements.csv:2:9: limit-period needs 'N per D days'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mistakes(Bad c) {
        String row = "LAM-1,10,RULE,Coverage,LAMINECTOMY,," + c.when() + "," + c.effect() + "," + c.argument() + ",Reason.,\n";

        ImportException e = catchThrowableOfType(() -> pack(row), ImportException.class);

        assertThat(e).isNotNull();
        assertThat(e.problems().get(0).toString()).startsWith(c.message());
    }

    @ParameterizedTest(name = "group_codes.csv: {0}")
    @MethodSource
    void badSpans(String code, String message) {
        PackFolder.write(folder, "pack.csv", "pack_id,version,title\nlam,1,Laminectomy\n");
        PackFolder.write(folder, "policies.csv", POLICIES);
        PackFolder.write(folder, "groups.csv", GROUPS);
        PackFolder.write(folder, "group_codes.csv", "policy,group,system,code,effective,termination,description\nLAM-1,LAMINECTOMY,CPT," + code + ",,,\n");
        PackFolder.write(folder, "statements.csv", HEADER + "LAM-1,10,RULE,Coverage,LAMINECTOMY,,,decide,covered,Yes.,\n");

        ImportException e = catchThrowableOfType(() -> CsvPolicyPack.fromDirectory(folder), ImportException.class);

        assertThat(e).isNotNull();
        assertThat(e.problems().get(0).toString()).startsWith(message);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badSpans() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("63048-63001", "group_codes.csv:2:4: the range 63048-63001 is empty"),
                org.junit.jupiter.params.provider.Arguments.of("63001-630", "group_codes.csv:2:4: malformed code"),
                org.junit.jupiter.params.provider.Arguments.of("6-3-0", "group_codes.csv:2:4: malformed range"),
                org.junit.jupiter.params.provider.Arguments.of("63 0*", "group_codes.csv:2:4: malformed prefix"));
    }
}
