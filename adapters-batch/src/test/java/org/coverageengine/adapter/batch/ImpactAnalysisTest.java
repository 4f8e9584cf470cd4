package org.coverageengine.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {

    /**
     * The default pack with one known revision: surface EMG (S3900) moves from experimental to not covered. Policy 0509
     * governs commercial plans only, so a Medicaid S3900 line is out of its scope in both versions and does not change.
     */
    private static final Knowledge REVISED = Engines.knowledgeWith0509(revisedPack());

    private static final String CLAIMS = """
            claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses
            A,1,2025-03-10,,S3900,,1,M54.50
            A,2,2025-03-10,,95940,,1,C71.1
            B,1,2025-03-10,medicare,99213,,1,I10
            C,1,2025-04-01,medicaid,S3900,,2,
            C,2,2025-04-01,medicaid,95930,,1,C71.1
            D,1,2025-04-01,,S3900,,1,
            E,1,2025-04-01,,S3900,,0,
            """;

    private static Map<String, byte[]> revisedPack() {
        Map<String, byte[]> files = new LinkedHashMap<>(CsvPolicyPack.embeddedPackFiles(CsvPolicyPack.POLICY_0509_PACK));
        String statements = new String(files.get("statements.csv"), StandardCharsets.UTF_8);
        String revised = statements.replace(",SEMG,,,decide,experimental,", ",SEMG,,,decide,not-covered,");
        assertThat(revised).as("the revision applies").isNotEqualTo(statements);
        files.put("statements.csv", revised.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void countsTheLinesARevisionChangesByCodeGroupAndTransition() {
        ImpactAnalysis analysis = new ImpactAnalysis(Engines.engine(Engines.DEFAULT), Engines.engine(REVISED),
                ImpactAnalysis.groupsIn(Engines.DEFAULT, REVISED));
        List<ImpactAnalysis.Change> changes = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();

        ImpactAnalysis.Report report = analysis.run(CsvClaimReader.of("claims.csv", new ByteArrayInputStream(CLAIMS.getBytes(StandardCharsets.UTF_8))),
                2, changes::add, errors::add);

        assertThat(report.lines()).isEqualTo(6);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(report.byTransition()).containsExactly(Map.entry("experimental -> not-covered", 2L));
        assertThat(report.byCode()).containsExactly(Map.entry("S3900", 2L));
        assertThat(report.byGroup()).containsExactly(Map.entry("0509 SEMG|scodes S_CODES", 2L));
        assertThat(changes).extracting(c -> c.claimId() + "/" + c.line()).containsExactly("A/1", "D/1");
        assertThat(errors).extracting(RecordError::line).containsExactly(8L);
        assertThat(report.render()).contains("6 lines compared, 2 change outcome, 1 records refused",
                "       2  experimental -> not-covered");
    }

    @Test
    void theSamePackChangesNothing() {
        ImpactAnalysis analysis = new ImpactAnalysis(Engines.engine(Engines.DEFAULT), Engines.engine(Engines.DEFAULT),
                ImpactAnalysis.groupsIn(Engines.DEFAULT));

        ImpactAnalysis.Report report = analysis.run(CsvClaimReader.of("claims.csv", new ByteArrayInputStream(CLAIMS.getBytes(StandardCharsets.UTF_8))),
                1, c -> { }, e -> { });

        assertThat(report.changed()).isZero();
        assertThat(report.byTransition()).isEmpty();
    }
}
