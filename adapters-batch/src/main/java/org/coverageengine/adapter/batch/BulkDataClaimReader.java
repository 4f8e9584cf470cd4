package org.coverageengine.adapter.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

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

    private final BufferedReader claims;
    private final CsvClaimReader.CountingInput counting;
    private final long size;
    private final BulkDataClaims resources;
    private final ArrayDeque<ReadResult> ready = new ArrayDeque<>();
    private long lineNumber;
    private boolean ended;

    private BulkDataClaimReader(Path folder, CoverageTypeMapping types) throws IOException {
        this.resources = BulkDataClaims.indexing(folder, types);
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
                ready.addAll(resources.readClaim(text, lineNumber));
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

}
