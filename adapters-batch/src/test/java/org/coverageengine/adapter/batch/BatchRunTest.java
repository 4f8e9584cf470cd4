package org.coverageengine.adapter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.fhir.FhirRequestReader;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchRunTest {

    private static final CoverageDeterminer ENGINE = Engines.engine(Engines.DEFAULT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(List<DeterminationRow> rows, List<RecordError> errors, BatchRun.Summary summary) {
    }

    private static Run run(ClaimLineSource source, int threads) {
        List<DeterminationRow> rows = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        RowWriter collect = new RowWriter() {
            @Override
            public void write(DeterminationRow row) {
                rows.add(row);
            }

            @Override
            public void close() {
            }
        };
        try (source) {
            BatchRun.Summary summary = new BatchRun(ENGINE, threads).run(source, collect, errors::add, BatchRun.Progress.NONE);
            return new Run(rows, errors, summary);
        }
    }

    @Test
    void csvAndBulkDataGiveTheSameDeterminations() {
        Run csv = run(CsvClaimReader.open(Engines.CLAIMS.resolve("shared.csv")), 1);
        Run ndjson = run(BulkDataClaimReader.open(Engines.CLAIMS.resolve("bulk"), CoverageTypeMapping.PAYMENT_TYPOLOGY), 1);

        assertThat(csv.errors()).isEmpty();
        assertThat(ndjson.errors()).isEmpty();
        assertThat(csv.rows()).hasSize(10);
        assertThat(withoutRecord(ndjson.rows())).isEqualTo(withoutRecord(csv.rows()));
    }

    @Test
    void theSharedCasesDecideAsTheWorkedExampleAndTheCoverageTypesSay() {
        List<DeterminationRow> rows = run(BulkDataClaimReader.open(Engines.CLAIMS.resolve("bulk"), CoverageTypeMapping.PAYMENT_TYPOLOGY), 1).rows();

        assertThat(rows.subList(0, 3)).extracting(DeterminationRow::code, DeterminationRow::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("61510", "no-policy"),
                        org.assertj.core.groups.Tuple.tuple("95940", "conditional"),
                        org.assertj.core.groups.Tuple.tuple("95930", "not-covered"));
        assertThat(rows).filteredOn(r -> r.claimId().equals("C2")).extracting(DeterminationRow::lineOfBusiness).containsOnly("medicare");
        assertThat(rows).filteredOn(r -> r.claimId().equals("C3")).extracting(DeterminationRow::lineOfBusiness).containsOnly("medicaid");
        assertThat(rows).filteredOn(r -> r.claimId().equals("C5")).extracting(DeterminationRow::lineOfBusiness)
                .containsOnly("medicare-advantage");
        DeterminationRow notInExport = rows.stream().filter(r -> r.claimId().equals("C4")).findFirst().orElseThrow();
        assertThat(notInExport.lineOfBusiness()).isEqualTo("commercial");
        assertThat(notInExport.notices()).contains("No line of business was given: COMMERCIAL was assumed.");
        assertThat(rows).filteredOn(r -> r.code().equals("ABC12")).extracting(DeterminationRow::outcome).containsOnly("invalid");
    }

    @Test
    void eachClaimDecidesAsTheFhirPathDecidesTheSameLines() {
        List<DeterminationRow> rows = run(CsvClaimReader.open(Engines.CLAIMS.resolve("shared.csv")), 1).rows();
        FhirRequestReader fhir = new FhirRequestReader(FhirSettings.DEFAULTS);
        try (ClaimLineSource source = CsvClaimReader.open(Engines.CLAIMS.resolve("shared.csv"))) {
            ClaimAssembler claims = new ClaimAssembler(source);
            int at = 0;
            while (claims.hasNext()) {
                Claim claim = claims.next();
                CoverageDecision viaFhir = ENGINE.determine(fhir.read(eligibilityRequest(claim)).request().orElseThrow());
                for (int i = 0; i < claim.lines().size(); i++) {
                    DeterminationRow row = rows.get(at++);
                    assertThat(row.outcome()).as(claim.id() + " line " + (i + 1)).isEqualTo(viaFhir.determinations().get(i).outcome().code());
                    assertThat(row.reasons()).isEqualTo(viaFhir.determinations().get(i).explanation());
                    assertThat(row.allowedUnits()).isEqualTo(viaFhir.determinations().get(i).allowedUnits());
                    assertThat(row.lineOfBusiness()).isEqualTo(viaFhir.lineOfBusiness().code());
                }
            }
            assertThat(at).isEqualTo(rows.size());
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3})
    void severalThreadsWriteTheSameRowsInInputOrder(int threads) {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new ClaimGenerator(Engines.DEFAULT, 7).writeCsv(3_000, generated);

        Run one = run(CsvClaimReader.of("generated.csv", new ByteArrayInputStream(generated.toByteArray())), 1);
        Run many = run(CsvClaimReader.of("generated.csv", new ByteArrayInputStream(generated.toByteArray())), threads);

        assertThat(one.summary().linesAnswered()).isEqualTo(3_000);
        assertThat(many.rows()).isEqualTo(one.rows());
        assertThat(many.rows()).extracting(DeterminationRow::record).isSorted();
    }

    @Test
    void malformedRecordsAreReportedWithTheirLineAndTheRunGoesOn() {
        Run run = run(CsvClaimReader.open(Engines.CLAIMS.resolve("malformed.csv")), 2);

        assertThat(run.errors()).extracting(RecordError::describe).containsExactly(
                "malformed.csv:3: column 7 (units): claim M1: must be a whole number from 1 to 100000, was \"0\"",
                "malformed.csv:4: column 3 (date_of_service): claim M2: expected a date YYYY-MM-DD, was \"2025-13-40\"",
                "malformed.csv:5: column 4 (line_of_business): claim M3: unknown line of business \"space-program\" (expected "
                        + "commercial, medicare, medicare-advantage, medicaid, workers-comp, auto or self-pay, or empty for commercial)",
                "malformed.csv:7: claim_id: claim M1: the claim id was seen before, after another claim; a claim's lines must be "
                        + "contiguous (sort the input, or run with --sort)",
                "malformed.csv:8: column 2 (line): claim M5: must be a whole number from 1 to 2147483647, was \"x\"",
                "malformed.csv:10: line: claim M6: line number 1 appears twice in the claim");
        assertThat(run.rows()).extracting(r -> r.claimId() + "/" + r.line()).containsExactly("M1/1", "M4/1", "M6/1");
        assertThat(run.summary().errors()).isEqualTo(6);
    }

    @Test
    void sortingOnDiskMakesARepeatedClaimContiguous(@TempDir Path temp) {
        String csv = "claim_id,line,date_of_service,line_of_business,code,modifiers,units,diagnoses\n"
                + "B,1,2025-03-10,,95940,,1,C71.1\nA,1,2025-03-10,,61510,,1,C71.1\nB,2,2025-03-10,,95930,,1,C71.1\n"
                + "A,x,2025-03-10,,61510,,1,C71.1\n";
        ClaimLineSource source = SortedClaimLines.sort(CsvClaimReader.of("in.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
                temp, 2);

        Run run = run(source, 1);

        assertThat(run.rows()).extracting(r -> r.claimId() + "/" + r.line() + " " + r.outcome())
                .containsExactly("A/1 no-policy", "B/1 not-covered", "B/2 not-covered");
        assertThat(run.errors()).extracting(RecordError::line).containsExactly(5L);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aHeaderOutsideTheContractMakesTheInputUnreadable() {
        String csv = "claim,line,date\nC1,1,2025-03-10\n";
        assertThatThrownBy(() -> CsvClaimReader.of("bad.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InputUnreadableException.class).hasMessageStartingWith("bad.csv:1: the header must start with claim_id,line,");
    }

    @Test
    void aBrokenClaimInTheBulkDataIsReportedWithItsLineAndElement(@TempDir Path temp) throws Exception {
        java.nio.file.Files.writeString(temp.resolve("Claim.ndjson"), """
                {"resourceType":"Claim","id":"K1","billablePeriod":{"start":"2025-03-10"},"item":[{"sequence":1,"productOrService":{"coding":[{"code":"95940"}]},"quantity":{"value":1.5}}]}
                {"resourceType":"Claim","id":"K2",
                {"resourceType":"Claim","id":"K3","billablePeriod":{"start":"2025-03-10"},"item":[{"sequence":1,"productOrService":{"coding":[{"code":"95940"}]}}]}
                """);

        Run run = run(BulkDataClaimReader.open(temp, CoverageTypeMapping.PAYMENT_TYPOLOGY), 1);

        assertThat(run.errors()).extracting(RecordError::describe).satisfiesExactly(
                e -> assertThat(e).isEqualTo("Claim.ndjson:1: Claim.item[0].quantity.value: claim K1: must be a whole number of units from 1 to 100000, was 1.5"),
                e -> assertThat(e).startsWith("Claim.ndjson:2: column "));
        assertThat(run.rows()).extracting(DeterminationRow::claimId).containsExactly("K3");
    }

    @Test
    void ndjsonAndCsvWritersUseTheColumnNames() throws Exception {
        DeterminationRow row = run(CsvClaimReader.open(Engines.CLAIMS.resolve("shared.csv")), 1).rows().get(1);
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        try (RowWriter writer = OutputFormat.NDJSON.writerTo(ndjson)) {
            writer.write(row);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (RowWriter writer = OutputFormat.CSV.writerTo(csv)) {
            writer.write(row);
        }

        Map<String, Object> object = JSON.readValue(ndjson.toString(StandardCharsets.UTF_8),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        assertThat(object.keySet()).containsExactlyElementsOf(DeterminationRow.COLUMNS);
        assertThat(object.get("outcome")).isEqualTo("conditional");
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith(String.join(",", DeterminationRow.COLUMNS) + "\r\nC1,2,2025-03-10,commercial,95940,conditional,1,");
    }

    private static List<DeterminationRow> withoutRecord(List<DeterminationRow> rows) {
        return rows.stream().map(r -> new DeterminationRow(r.claimId(), r.line(), r.dateOfService(), r.lineOfBusiness(), r.code(),
                r.outcome(), r.requestedUnits(), r.allowedUnits(), r.priorAuthorization(), r.criteria(), r.citations(), r.reasons(),
                r.notices(), 0)).toList();
    }

    /** The claim as a CoverageEligibilityRequest: contained Coverage of the SOPT family, contained Observations for attestations. */
    private static String eligibilityRequest(Claim claim) {
        ClaimLine first = claim.lines().get(0);
        ObjectNode request = JSON.createObjectNode().put("resourceType", "CoverageEligibilityRequest").put("status", "active")
                .put("servicedDate", first.dateOfService().toString()).put("created", "2025-03-10");
        request.putArray("purpose").add("validation");
        request.putObject("patient").put("reference", "#p");
        request.putObject("insurer").put("display", "Payer");
        ArrayNode contained = request.putArray("contained");
        contained.addObject().put("resourceType", "Patient").put("id", "p");
        if (first.lineOfBusiness() != null) {
            String sopt = Map.of(LineOfBusiness.MEDICARE, "1", LineOfBusiness.MEDICARE_ADVANTAGE, "111", LineOfBusiness.MEDICAID, "2",
                    LineOfBusiness.COMMERCIAL, "5").get(first.lineOfBusiness());
            ObjectNode coverage = contained.addObject().put("resourceType", "Coverage").put("id", "cov").put("status", "active");
            coverage.putObject("type").putArray("coding").addObject().put("system", CoverageTypeMapping.SOPT).put("code", sopt);
            coverage.putObject("beneficiary").put("reference", "#p");
            coverage.putArray("payor").addObject().put("display", "Payer");
            request.putArray("insurance").addObject().put("focal", true).putObject("coverage").put("reference", "#cov");
        }
        ArrayNode info = request.putArray("supportingInfo");
        int n = 0;
        for (String criterion : first.attestations()) {
            n++;
            ObjectNode observation = contained.addObject().put("resourceType", "Observation").put("id", "o" + n).put("status", "final")
                    .put("valueBoolean", true);
            observation.putObject("code").putArray("coding").addObject().put("system", BulkDataClaimReader.CRITERIA_SYSTEM).put("code", criterion);
            info.addObject().put("sequence", n).putObject("information").put("reference", "#o" + n);
        }
        ArrayNode items = request.putArray("item");
        for (ClaimLine line : claim.lines()) {
            ObjectNode item = items.addObject();
            org.coverageengine.domain.code.CodeText code = org.coverageengine.domain.code.CodeText.procedure(line.code());
            ObjectNode coding = item.putObject("productOrService").putArray("coding").addObject().put("code", line.code());
            if (code.system() != null) {
                coding.put("system", code.system().uri());
            }
            item.putObject("quantity").put("value", line.units());
            ArrayNode modifiers = item.putArray("modifier");
            line.modifiers().forEach(m -> modifiers.addObject().putArray("coding").addObject().put("code", m));
            ArrayNode diagnoses = item.putArray("diagnosis");
            line.diagnoses().forEach(d -> diagnoses.addObject().putObject("diagnosisCodeableConcept").putArray("coding").addObject()
                    .put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", d));
        }
        return request.toString();
    }
}
