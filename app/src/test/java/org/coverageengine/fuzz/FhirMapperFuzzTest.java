package org.coverageengine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.fhir.FhirRequestReader;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgeImport;
import org.coverageengine.domain.knowledge.Knowledge;

/** The FHIR-to-domain mapper: any text is a request the engine answers, or an IllegalArgumentException saying where. */
class FhirMapperFuzzTest {

    static final Knowledge KNOWLEDGE = KnowledgeImport.build(List.of(CsvPolicyPack.embeddedDefault()), 1);
    static final CoverageDeterminer ENGINE = new CoverageDeterminer(() -> KNOWLEDGE, Clock.systemUTC());
    static final FhirRequestReader READER = new FhirRequestReader(FhirSettings.DEFAULTS);

    @FuzzTest(maxDuration = "10m")
    void requests(byte[] input) {
        FhirRequestReader.Read read;
        try {
            read = READER.read(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a rejected request must say why", expected);
            }
            return;
        }
        read.request().ifPresent(ENGINE::determine);
    }
}
