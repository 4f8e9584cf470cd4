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
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several versions of one policy in one pack: the version whose effective range holds the date of service decides,
 * its rows are those marked with its effective date plus the shared ones, and the texts name the version.
 */
class PolicyVersionsTest {

    @TempDir
    Path folder;

    /** 2024: laminectomy needs criteria; 2025 (until the end of 2025): covered outright; 2026 on: a third version adds a limit. */
    private Knowledge pack() {
        PackFolder.write(folder, "pack.csv", "pack_id,version,title\nlam,3,Laminectomy\n");
        PackFolder.write(folder, "policies.csv", "policy,title,payer,effective,termination,next_review,lines_of_business,ancillary_groups,url,related\n"
                + "LAM-1,Lumbar laminectomy,Example payer,2024-01-01,2024-12-31,,commercial,,,\n"
                + "LAM-1,Lumbar laminectomy,Example payer,2025-01-01,2025-12-31,,commercial,,,\n"
                + "LAM-1,Lumbar laminectomy,Example payer,2026-03-01,,,commercial,,,\n");
        PackFolder.write(folder, "groups.csv", "policy,group,title,section,pattern_system,pattern_prefix,version\n"
                + "LAM-1,LAMINECTOMY,Laminectomy,Codes,,,\n");
        PackFolder.write(folder, "group_codes.csv", "policy,group,system,code,effective,termination,description,version\n"
                + "LAM-1,LAMINECTOMY,CPT,63030,,,,\n"
                + "LAM-1,LAMINECTOMY,CPT,63047,,,,2026-03-01\n");
        PackFolder.write(folder, "criteria.csv", "policy,criteria_set,code,parent,combinator,text,version\n"
                + "LAM-1,STENOSIS,lam-all,,ALL,All of the following,2024-01-01\n"
                + "LAM-1,STENOSIS,lam-conservative,lam-all,LEAF,Six weeks of conservative care,2024-01-01\n");
        PackFolder.write(folder, "statements.csv", "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason,units_text,version\n"
                + "LAM-1,10,CRITERIA,Coverage 2024,LAMINECTOMY,,,require-criteria,STENOSIS,Laminectomy needs the criteria.,,2024-01-01\n"
                + "LAM-1,10,COVERED,Coverage 2025,LAMINECTOMY,,,decide,covered,Laminectomy is covered.,,2025-01-01\n"
                + "LAM-1,10,COVERED,Coverage 2026,LAMINECTOMY,,,decide,covered,Laminectomy is covered.,,2026-03-01\n"
                + "LAM-1,20,ONCE,Limits,LAMINECTOMY,,,limit-units,1 per code,Once per session.,,2026-03-01\n");
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), List.of(CsvPolicyPack.fromDirectory(folder)), 1);
    }

    record Case(String name, LocalDate date, String code, Outcome outcome, String reason, LocalDate citedVersion) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> versions() {
        return Stream.of(
                new Case("first version, first day", LocalDate.of(2024, 1, 1), "63030", Outcome.CONDITIONAL,
                        "Policy LAM-1 (Lumbar laminectomy, version 2024-01-01): Laminectomy needs the criteria.", LocalDate.of(2024, 1, 1)),
                new Case("first version, its last day", LocalDate.of(2024, 12, 31), "63030", Outcome.CONDITIONAL,
                        "Policy LAM-1 (Lumbar laminectomy, version 2024-01-01)", LocalDate.of(2024, 1, 1)),
                new Case("second version", LocalDate.of(2025, 6, 1), "63030", Outcome.COVERED,
                        "Policy LAM-1 (Lumbar laminectomy, version 2025-01-01): Laminectomy is covered.", LocalDate.of(2025, 1, 1)),
                new Case("code listed only in the third version", LocalDate.of(2025, 6, 1), "63047", Outcome.NO_POLICY,
                        "No loaded policy governs 63047", null),
                new Case("gap between the second and third", LocalDate.of(2026, 2, 1), "63030", Outcome.NO_POLICY,
                        "Policy LAM-1 (Lumbar laminectomy) has no version in effect on 2026-02-01; its version effective 2025-01-01 ended on 2025-12-31.",
                        LocalDate.of(2025, 1, 1)),
                new Case("before the first version", LocalDate.of(2023, 12, 31), "63030", Outcome.NO_POLICY,
                        "its first version is effective 2024-01-01", LocalDate.of(2024, 1, 1)),
                new Case("third version, open-ended", LocalDate.of(2030, 1, 1), "63047", Outcome.COVERED,
                        "Policy LAM-1 (Lumbar laminectomy, version 2026-03-01): Laminectomy is covered.", LocalDate.of(2026, 3, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void versions(Case c) {
        Knowledge knowledge = pack();
        CoverageRequest request = new CoverageRequest(c.date(), LineOfBusiness.COMMERCIAL,
                List.of(new RequestedLine(1, CodeText.procedure(c.code()), 1, List.of(), List.of(CodeText.diagnosis("M48.061")))), Set.of(),
                PatientFacts.UNKNOWN, null);

        Determination line = new CoverageDeterminer(() -> knowledge, Clock.systemUTC()).determine(request).determinations().get(0);

        assertThat(line.outcome()).isEqualTo(c.outcome());
        assertThat(String.join(" ", line.reasons())).contains(c.reason());
        if (c.citedVersion() != null) {
            assertThat(line.citations()).extracting(citation -> citation.policyVersion()).contains(c.citedVersion());
        }
    }

    record Bad(String name, String file, String content, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> mistakes() {
        return Stream.of(
                new Bad("two versions with one effective date", "policies.csv",
                        "policy,title,payer,effective,termination,next_review,lines_of_business,ancillary_groups,url,related\n"
                                + "LAM-1,Lam,P,2024-01-01,,,commercial,,,\nLAM-1,Lam,P,2024-01-01,,,commercial,,,\n",
                        "policies.csv:3:4: duplicate policy 'LAM-1' version effective 2024-01-01"),
                new Bad("a version ending before it starts", "policies.csv",
                        "policy,title,payer,effective,termination,next_review,lines_of_business,ancillary_groups,url,related\n"
                                + "LAM-1,Lam,P,2024-01-01,2023-01-01,,commercial,,,\n",
                        "policies.csv:2:5: termination 2023-01-01 is before effective 2024-01-01"),
                new Bad("a row naming a version that does not exist", "statements.csv",
                        "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason,units_text,version\n"
                                + "LAM-1,10,COVERED,Coverage,LAMINECTOMY,,,decide,covered,Yes.,,2025-02-01\n",
                        "statements.csv:2:12: policy LAM-1 has no version effective 2025-02-01 (its versions: 2024-01-01)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mistakes(Bad c) {
        PackFolder.write(folder, "pack.csv", "pack_id,version,title\nlam,1,Laminectomy\n");
        PackFolder.write(folder, "policies.csv", "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\n"
                + "LAM-1,Lam,P,2024-01-01,,commercial,,,\n");
        PackFolder.write(folder, "groups.csv", "policy,group,title,section,pattern_system,pattern_prefix\nLAM-1,LAMINECTOMY,Lam,Codes,,\n");
        PackFolder.write(folder, "group_codes.csv", "policy,group,system,code,effective,termination,description\nLAM-1,LAMINECTOMY,CPT,63030,,,\n");
        PackFolder.write(folder, "statements.csv", "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
                + "LAM-1,10,COVERED,Coverage,LAMINECTOMY,,,decide,covered,Yes.\n");
        PackFolder.write(folder, c.file(), c.content());

        ImportException e = catchThrowableOfType(() -> CsvPolicyPack.fromDirectory(folder), ImportException.class);

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p).startsWith(c.message()));
    }
}
