package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The complete small example of docs/policy-pack.md: the document and docs/examples/acme-pt agree, and the pack works. */
class PolicyPackDocumentationTest {

    static final Path PACK = Paths.get("..", "docs", "examples", "acme-pt");

    @ParameterizedTest(name = "docs/policy-pack.md shows {0} as it is in docs/examples/acme-pt")
    @ValueSource(strings = {"pack.csv", "policies.csv", "groups.csv", "group_codes.csv", "statements.csv", "criteria.csv", "tests.csv"})
    void documentMatchesFiles(String name) throws IOException {
        String doc = Files.readString(Paths.get("..", "docs", "policy-pack.md"));
        Matcher block = Pattern.compile("`" + Pattern.quote(name) + "`\\n```\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), name + " is shown in the document");
        assertEquals(Files.readString(PACK.resolve(name)), block.group(1));
    }

    @Test
    void examplePackDecides() {
        Knowledge knowledge = KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), CsvPolicyPack.embeddedWith(CsvPolicyPack.fromDirectory(PACK)), 1);
        CoverageDeterminer engine = new CoverageDeterminer(() -> knowledge, Clock.systemUTC());
        LocalDate date = LocalDate.of(2025, 3, 10);
        Determination lowBack = engine.determine(CoverageRequest.of(date, LineOfBusiness.COMMERCIAL, RequestedLine.of(1, "97012", "M54.50")))
                .determinations().get(0);
        assertEquals(Outcome.CONDITIONAL, lowBack.outcome());
        assertTrue(lowBack.priorAuthorizationRequired());
        assertEquals("https://acme.example/policies/pt-100", knowledge.policies().latest("PT-100").orElseThrow().url());
        Determination withDevice = engine.determine(CoverageRequest.of(date, LineOfBusiness.COMMERCIAL, RequestedLine.of(1, "97012", "M54.50"),
                RequestedLine.of(2, "E0830"))).determinations().get(0);
        assertEquals(Outcome.NOT_COVERED, withDevice.outcome());
        Determination attested = engine.determine(CoverageRequest.of(date, LineOfBusiness.COMMERCIAL, RequestedLine.of(1, "97012", "M54.16"))
                .attesting(Set.of("pt100-six-weeks", "pt100-plan"))).determinations().get(0);
        assertEquals(Outcome.COVERED, attested.outcome());
        Determination medicare = engine.determine(CoverageRequest.of(date, LineOfBusiness.MEDICARE, RequestedLine.of(1, "97012", "M54.50")))
                .determinations().get(0);
        assertEquals(Outcome.NO_POLICY, medicare.outcome());
    }
}
