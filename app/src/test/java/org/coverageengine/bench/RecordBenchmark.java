package org.coverageengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.coverageengine.adapter.jdbc.JdbcDeterminationRecord;
import org.coverageengine.adapter.jdbc.StoreAddress;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.Outcome;
import org.coverageengine.domain.record.AuditOutcome;
import org.coverageengine.domain.record.AuditRecord;
import org.coverageengine.domain.record.ClientIdentity;
import org.coverageengine.domain.record.Identifier;
import org.coverageengine.domain.record.PartyReference;
import org.coverageengine.domain.record.PolicyVersionUsed;
import org.coverageengine.domain.record.ProcessingOutcome;
import org.coverageengine.domain.record.RecordedDetermination;
import org.coverageengine.domain.record.RecordedLine;
import org.coverageengine.domain.record.SentResponse;
import org.coverageengine.domain.record.TimeOrderedIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The determination record alone, on H2 in a fresh data folder: answers kept per second by 16 callers at once (as 16
 * server threads keeping their answers: journaled, with H2 loaded behind; {@link RecordCost} adds the loader's CPU), each a one-line determination of a 3 KB response plus its audit
 * record, for one patient or a different patient each, the way the server keeps a $submit. The table already holds {@code prefill}
 * answers, so index pages are as deep as on a server that has run for a while. {@code ids} compares random UUIDs
 * (version 4) with time-ordered ones (version 7).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(16)
@State(Scope.Benchmark)
public class RecordBenchmark {

    /** About 3 KB, the size of a one-line answer; {@code -Dcpe.bench.responseBytes=N} for another size. */
    private static final byte[] RESPONSE = ("{\"resourceType\":\"CoverageEligibilityResponse\",\"text\":\""
            + "x".repeat(Integer.getInteger("cpe.bench.responseBytes", 3000)) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final Citation CITATION = new Citation("0509", "Intraoperative Neurophysiologic Monitoring",
            LocalDate.of(2024, 9, 15), "Policy", "IOM-COVERED", "95940");

    @Param({"random", "time-ordered"})
    public String ids;

    @Param({"20000"})
    public int prefill;

    /** How many different patients the answers are for: 1 as in the load harness, or many as on a payer's server. */
    @Param({"1", "1000000"})
    public int patients;

    private Path folder;
    JdbcDeterminationRecord record;
    private TimeOrderedIds timeOrdered;

    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory("record-bench");
        record = JdbcDeterminationRecord.open(StoreAddress.h2(folder.resolve("store")), JdbcDeterminationRecord.DEFAULT_WAIT);
        timeOrdered = TimeOrderedIds.systemClock();
        for (int i = 0; i < prefill; i++) {
            keepOne();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        record.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String id() {
        return "random".equals(ids) ? UUID.randomUUID().toString() : timeOrdered.next();
    }

    @Benchmark
    public void keepOne() {
        String id = id();
        Instant now = Instant.now();
        String patient = "Patient/p" + ThreadLocalRandom.current().nextInt(patients);
        RecordedDetermination determination = new RecordedDetermination(id, now, new ClientIdentity("ehr-client", "svc"),
                new PartyReference(patient, new Identifier("http://example.org/member", patient.substring(8))),
                List.of(new PartyReference("Coverage/c1", null)), null, LocalDate.of(2025, 3, 10), LineOfBusiness.COMMERCIAL,
                List.of(new RecordedLine(1, "CPT", "95940", List.of(), 4, List.of("C71.1"), Outcome.CONDITIONAL,
                        List.of("Policy 0509 (Intraoperative Neurophysiologic Monitoring): IOM is medically necessary when the criteria are met."),
                        List.of(CITATION), false)),
                List.of(new PolicyVersionUsed("0509", LocalDate.of(2024, 9, 15))), "pack default 2024.09.15-1",
                Duration.ofNanos(250_000), ProcessingOutcome.COMPLETE, new SentResponse(RESPONSE, "application/fhir+json;charset=utf-8"));
        AuditRecord audit = new AuditRecord(id(), AuditRecord.REST, "operation", "E", now, null, "coverage-policy-engine",
                AuditOutcome.SUCCESS, id, "POST /fhir/CoverageEligibilityRequest/$submit", 200);
        record.keep(determination, audit);
    }
}
