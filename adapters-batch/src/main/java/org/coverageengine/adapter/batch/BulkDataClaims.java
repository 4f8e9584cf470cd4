package org.coverageengine.adapter.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * Reads FHIR bulk-data Claims into claim lines, one NDJSON line at a time, resolving references to contained resources
 * ({@code #id}) or to the Coverage and Patient indexes it holds ({@code Coverage/id}: only the line of business and the
 * patient's birth date and sex are kept). Serializable, so a Spark job ships it to its executors once.
 */
public final class BulkDataClaims implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HashMap<String, Covered> coverages;
    private final HashMap<String, Person> patients;
    private final CoverageTypeMapping types;

    /** What is kept of a Coverage: the line of business its type names (COMMERCIAL when it names none known). */
    public record Covered(LineOfBusiness lineOfBusiness) implements Serializable {
    }

    /** What is kept of a Patient. */
    public record Person(LocalDate birthDate, String sex) implements Serializable {
    }

    private BulkDataClaims(CoverageTypeMapping types) {
        this.types = types;
        this.coverages = new HashMap<>();
        this.patients = new HashMap<>();
    }

    /** Indexes the Coverage and Patient resources given as NDJSON lines (from any source: local files, a Spark collect). */
    public static BulkDataClaims indexing(Iterable<String> coverageLines, Iterable<String> patientLines, CoverageTypeMapping types) {
        BulkDataClaims claims = new BulkDataClaims(types);
        claims.coverages.putAll(index(coverageLines.iterator(), BulkDataClaimReader.COVERAGE_FILE, "Coverage", claims::covered));
        claims.patients.putAll(index(patientLines.iterator(), BulkDataClaimReader.PATIENT_FILE, "Patient", BulkDataClaims::person));
        return claims;
    }

    /** Indexes the Coverage.ndjson and Patient.ndjson of a folder (either may be absent). */
    static BulkDataClaims indexing(Path folder, CoverageTypeMapping types) {
        return indexing(lines(folder.resolve(BulkDataClaimReader.COVERAGE_FILE)), lines(folder.resolve(BulkDataClaimReader.PATIENT_FILE)), types);
    }

    private static Iterable<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return () -> {
            try {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                return reader.lines().onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        // a file we only read
                    }
                }).iterator();
            } catch (IOException e) {
                throw new UncheckedIOException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
            }
        };
    }

    /** The lines (or errors) of the Claim on one NDJSON line. */
    public List<ReadResult> readClaim(String text, long line) {
        List<ReadResult> ready = new ArrayList<>(4);
        JsonNode claim;
        try {
            claim = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            ready.add(ReadResult.failed(new RecordError(BulkDataClaimReader.CLAIM_FILE, line, "column " + column, "", "not JSON: " + e.getOriginalMessage())));
            return ready;
        }
        String id = claim.path("id").asText("");
        try {
            if (!"Claim".equals(claim.path("resourceType").asText())) {
                throw new RecordException("resourceType", "expected a Claim, was " + ClaimColumns.quoted(claim.path("resourceType").asText()));
            }
            if (id.isEmpty()) {
                throw new RecordException("Claim.id", "a Claim needs an id");
            }
            readItems(claim, id, line, ready);
        } catch (RecordException e) {
            ready.add(ReadResult.failed(new RecordError(BulkDataClaimReader.CLAIM_FILE, line, e.field(), id, e.getMessage())));
        }
        return ready;
    }

    private void readItems(JsonNode claim, String id, long line, List<ReadResult> ready) {
        Map<String, JsonNode> contained = new HashMap<>();
        for (JsonNode resource : claim.path("contained")) {
            contained.put("#" + resource.path("id").asText(), resource);
        }
        LineOfBusiness lob = lineOfBusiness(claim, contained);
        Person patient = patient(claim.path("patient").path("reference").asText(""), contained);
        LocalDate claimDate = claim.path("billablePeriod").has("start")
                ? date(claim.path("billablePeriod").path("start").asText(), "Claim.billablePeriod.start") : null;
        String claimType = firstCode(claim.path("type")).toLowerCase(Locale.ROOT);
        Map<Integer, String> diagnoses = new HashMap<>();
        for (JsonNode diagnosis : claim.path("diagnosis")) {
            diagnoses.put(diagnosis.path("sequence").asInt(), firstCode(diagnosis.path("diagnosisCodeableConcept")));
        }
        List<String> attested = new ArrayList<>();
        for (JsonNode info : claim.path("supportingInfo")) {
            boolean met = !info.has("valueBoolean") || info.path("valueBoolean").asBoolean();
            for (JsonNode coding : info.path("code").path("coding")) {
                if (met && BulkDataClaimReader.CRITERIA_SYSTEM.equals(coding.path("system").asText()) && coding.hasNonNull("code")) {
                    attested.add(coding.path("code").asText());
                }
            }
        }
        JsonNode items = claim.path("item");
        if (items.isEmpty()) {
            throw new RecordException("Claim.item", "the Claim has no items");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "Claim.item[" + i + "]";
            try {
                ready.add(ReadResult.of(item(item, path, id, lob, patient, claimDate, claimType, diagnoses, attested, line)));
            } catch (RecordException e) {
                ready.add(ReadResult.failed(new RecordError(BulkDataClaimReader.CLAIM_FILE, line, e.field(), id, e.getMessage())));
            }
        }
    }

    private static ClaimLine item(JsonNode item, String path, String id, LineOfBusiness lob, Person patient, LocalDate claimDate,
            String claimType, Map<Integer, String> diagnoses, List<String> attested, long line) {
        int sequence = item.path("sequence").asInt(0);
        if (sequence < 1) {
            throw new RecordException(path + ".sequence", "an item needs a positive sequence");
        }
        LocalDate date = item.has("servicedDate") ? date(item.path("servicedDate").asText(), path + ".servicedDate") : claimDate;
        if (date == null) {
            throw new RecordException(path + ".servicedDate", "no date of service (item.servicedDate or Claim.billablePeriod.start)");
        }
        String code = firstCode(item.path("productOrService"));
        if (code.isEmpty()) {
            throw new RecordException(path + ".productOrService", "an item needs a coded productOrService (CPT or HCPCS)");
        }
        List<String> modifiers = new ArrayList<>();
        for (JsonNode modifier : item.path("modifier")) {
            String value = firstCode(modifier);
            if (!value.isEmpty()) {
                modifiers.add(value);
            }
        }
        int units = 1;
        JsonNode quantity = item.path("quantity").path("value");
        if (!quantity.isMissingNode()) {
            if (!quantity.isNumber() || quantity.decimalValue().stripTrailingZeros().scale() > 0 || quantity.asDouble() < 1
                    || quantity.asDouble() > ClaimColumns.MAX_UNITS) {
                throw new RecordException(path + ".quantity.value", "must be a whole number of units from 1 to "
                        + ClaimColumns.MAX_UNITS + ", was " + quantity);
            }
            units = quantity.asInt();
        }
        List<String> dx = new ArrayList<>();
        for (JsonNode pointer : item.path("diagnosisSequence")) {
            String code1 = diagnoses.get(pointer.asInt());
            if (code1 == null || code1.isEmpty()) {
                throw new RecordException(path + ".diagnosisSequence", "points to no coded Claim.diagnosis with sequence " + pointer.asText());
            }
            dx.add(code1);
        }
        String pos = firstCode(item.path("locationCodeableConcept"));
        return new ClaimLine(id, sequence, date, lob, code, modifiers, units, dx, attested,
                patient == null ? null : patient.birthDate(), patient == null ? "" : patient.sex(), pos, claimType, line);
    }

    private LineOfBusiness lineOfBusiness(JsonNode claim, Map<String, JsonNode> contained) {
        JsonNode chosen = null;
        for (JsonNode insurance : claim.path("insurance")) {
            if (chosen == null || insurance.path("focal").asBoolean(false)) {
                chosen = insurance;
            }
        }
        if (chosen == null) {
            return null;
        }
        String reference = chosen.path("coverage").path("reference").asText("");
        JsonNode inline = contained.get(reference);
        if (inline != null) {
            return covered(inline).lineOfBusiness();
        }
        Covered covered = coverages.get(stripType(reference, "Coverage/"));
        return covered == null ? null : covered.lineOfBusiness();
    }

    private Person patient(String reference, Map<String, JsonNode> contained) {
        JsonNode inline = contained.get(reference);
        return inline != null ? person(inline) : patients.get(stripType(reference, "Patient/"));
    }

    private Covered covered(JsonNode coverage) {
        for (JsonNode coding : coverage.path("type").path("coding")) {
            Optional<LineOfBusiness> lob = types.lineOfBusiness(coding.path("system").asText(""), coding.path("code").asText(""));
            if (lob.isPresent()) {
                return new Covered(lob.get());
            }
        }
        return new Covered(coverage.has("type") ? LineOfBusiness.COMMERCIAL : null);
    }

    private static Person person(JsonNode patient) {
        LocalDate birth = null;
        try {
            String text = patient.path("birthDate").asText("");
            birth = text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            // a partial or malformed birth date is as good as none here
        }
        return new Person(birth, patient.path("gender").asText(""));
    }

    private static String stripType(String reference, String prefix) {
        return reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
    }

    private static String firstCode(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            String code = coding.path("code").asText("").strip();
            if (!code.isEmpty()) {
                return code;
            }
        }
        return "";
    }

    private static LocalDate date(String text, String path) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RecordException(path, "expected a date YYYY-MM-DD, was " + ClaimColumns.quoted(text));
        }
    }

    private static <T> Map<String, T> index(java.util.Iterator<String> lines, String fileName, String type,
            java.util.function.Function<JsonNode, T> keep) {
        Map<String, T> index = new HashMap<>();
        long line = 0;
        while (lines.hasNext()) {
            String text = lines.next();
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode resource;
            try {
                resource = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InputUnreadableException(fileName + ":" + line + ": not JSON: " + e.getOriginalMessage());
            }
            if (type.equals(resource.path("resourceType").asText()) && resource.hasNonNull("id")) {
                index.put(resource.path("id").asText(), keep.apply(resource));
            }
        }
        return index;
    }
}
