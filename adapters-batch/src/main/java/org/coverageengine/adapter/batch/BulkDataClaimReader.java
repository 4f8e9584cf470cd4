package org.coverageengine.adapter.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * Reads claim lines from a FHIR bulk-data export folder: {@code Claim.ndjson} streamed one Claim per line, each item a
 * claim line; {@code Coverage.ndjson} and {@code Patient.ndjson} (when present) indexed by id first, keeping only the
 * line of business and the patient's birth date and sex. References resolve to contained resources ({@code #id}) or
 * to those files ({@code Coverage/id}); a Claim whose Coverage is found nowhere has no line of business, so the engine
 * assumes COMMERCIAL and says so, as on the FHIR path.
 */
public final class BulkDataClaimReader implements ClaimLineSource {

    /** The coding system of the engine's criteria, as attested in {@code Claim.supportingInfo.code}. */
    public static final String CRITERIA_SYSTEM = "http://coverage-policy-engine.example.org/fhir/CodeSystem/coverage-criteria";
    static final String CLAIM_FILE = "Claim.ndjson";
    static final String COVERAGE_FILE = "Coverage.ndjson";
    static final String PATIENT_FILE = "Patient.ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader claims;
    private final CsvClaimReader.CountingInput counting;
    private final long size;
    private final Map<String, Covered> coverages;
    private final Map<String, Person> patients;
    private final CoverageTypeMapping types;
    private final ArrayDeque<ReadResult> ready = new ArrayDeque<>();
    private long lineNumber;
    private boolean ended;

    /** What the reader keeps of a Coverage: the line of business its type names (COMMERCIAL when it names none known). */
    record Covered(LineOfBusiness lineOfBusiness) {
    }

    /** What the reader keeps of a Patient. */
    record Person(LocalDate birthDate, String sex) {
    }

    private BulkDataClaimReader(Path folder, CoverageTypeMapping types) throws IOException {
        this.types = types;
        this.coverages = index(folder.resolve(COVERAGE_FILE), "Coverage", this::covered);
        this.patients = index(folder.resolve(PATIENT_FILE), "Patient", BulkDataClaimReader::person);
        Path claimFile = folder.resolve(CLAIM_FILE);
        this.size = Files.size(claimFile);
        this.counting = new CsvClaimReader.CountingInput(Files.newInputStream(claimFile));
        this.claims = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
    }

    /** True when the path is a folder holding a {@code Claim.ndjson}. */
    public static boolean isBulkData(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(CLAIM_FILE));
    }

    /** Opens a bulk-data folder, reading Coverage types with the given mapping. */
    public static BulkDataClaimReader open(Path folder, CoverageTypeMapping types) {
        if (!isBulkData(folder)) {
            throw new InputUnreadableException(folder.getFileName() + ": not a FHIR bulk-data folder (no " + CLAIM_FILE + " in it)");
        }
        try {
            return new BulkDataClaimReader(folder, types);
        } catch (IOException e) {
            throw new InputUnreadableException(folder.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new InputUnreadableException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return CLAIM_FILE;
    }

    @Override
    public long[] position() {
        return new long[] {counting.count(), size};
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !ended) {
            String text;
            try {
                text = claims.readLine();
            } catch (IOException e) {
                throw new InputUnreadableException(CLAIM_FILE + ":" + (lineNumber + 1) + ": " + e.getMessage(), e);
            }
            if (text == null) {
                ended = true;
                break;
            }
            lineNumber++;
            if (!text.isBlank()) {
                readClaim(text, lineNumber);
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    @Override
    public void close() {
        try {
            claims.close();
        } catch (IOException e) {
            // closing a file we only read loses nothing
        }
    }

    private void readClaim(String text, long line) {
        JsonNode claim;
        try {
            claim = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            ready.add(ReadResult.failed(new RecordError(CLAIM_FILE, line, "column " + column, "", "not JSON: " + e.getOriginalMessage())));
            return;
        }
        String id = claim.path("id").asText("");
        try {
            if (!"Claim".equals(claim.path("resourceType").asText())) {
                throw new RecordException("resourceType", "expected a Claim, was " + ClaimColumns.quoted(claim.path("resourceType").asText()));
            }
            if (id.isEmpty()) {
                throw new RecordException("Claim.id", "a Claim needs an id");
            }
            readItems(claim, id, line);
        } catch (RecordException e) {
            ready.add(ReadResult.failed(new RecordError(CLAIM_FILE, line, e.field(), id, e.getMessage())));
        }
    }

    private void readItems(JsonNode claim, String id, long line) {
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
                if (met && CRITERIA_SYSTEM.equals(coding.path("system").asText()) && coding.hasNonNull("code")) {
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
                ready.add(ReadResult.failed(new RecordError(CLAIM_FILE, line, e.field(), id, e.getMessage())));
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

    private static <T> Map<String, T> index(Path file, String type, java.util.function.Function<JsonNode, T> keep) {
        Map<String, T> index = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return index;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode resource;
                try {
                    resource = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new InputUnreadableException(file.getFileName() + ":" + line + ": not JSON: " + e.getOriginalMessage());
                }
                if (type.equals(resource.path("resourceType").asText()) && resource.hasNonNull("id")) {
                    index.put(resource.path("id").asText(), keep.apply(resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return index;
    }
}
