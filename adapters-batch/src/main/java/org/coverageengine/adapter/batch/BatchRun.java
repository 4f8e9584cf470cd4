package org.coverageengine.adapter.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.coverageengine.domain.port.in.DetermineCoverage;

/**
 * A batch of determinations: claims read from a source, decided by the engine on several threads, written in input
 * order; refused records go to the errors consumer and the run goes on.
 */
public final class BatchRun {

    /** What a run did: records read, lines answered, claims decided, records refused, and its duration. */
    public record Summary(long records, long linesAnswered, long claims, long errors, long nanos) {

        /** Lines answered per second. */
        public double linesPerSecond() {
            return nanos <= 0 ? 0 : linesAnswered * 1e9 / nanos;
        }
    }

    /** Told now and then how far a run is: lines answered, bytes of input read of the total (0 when unknown), lines/s. */
    @FunctionalInterface
    public interface Progress {

        /** Draws nothing. */
        Progress NONE = (lines, read, total, rate) -> { };

        /** Called at most a few times a second, and once at the end. */
        void progress(long lines, long bytesRead, long bytesTotal, double linesPerSecond);
    }

    /** The answer for one claim: its rows, and the errors that kept its records out. */
    public record Answer(List<DeterminationRow> rows, List<RecordError> errors) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
    }

    private final DetermineCoverage engine;
    private final int threads;
    private final boolean explained;

    /** A run over the engine on the given number of threads (1 evaluates on the calling thread), rows with every column. */
    public BatchRun(DetermineCoverage engine, int threads) {
        this(engine, threads, OutputDetail.FULL);
    }

    /** A run whose rows carry the columns of the given detail (compact rows leave the explanation empty). */
    public BatchRun(DetermineCoverage engine, int threads, OutputDetail detail) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.threads = Math.max(1, threads);
        this.explained = detail.explains();
    }

    /** Reads every claim of the source, writes one row per answered line in input order, and reports every refused record. */
    public Summary run(ClaimLineSource source, RowWriter out, Consumer<RecordError> errors, Progress progress) {
        long start = System.nanoTime();
        long[] counts = new long[4];
        long[] lastTick = {start};
        String name = source.name();
        OrderedWork.run(new ClaimAssembler(source), claim -> answer(claim, name), threads, answer -> {
            for (DeterminationRow row : answer.rows()) {
                out.write(row);
            }
            answer.errors().forEach(errors);
            counts[0] += answer.rows().size() + answer.errors().size();
            counts[1] += answer.rows().size();
            counts[2] += answer.rows().isEmpty() ? 0 : 1;
            counts[3] += answer.errors().size();
            long now = System.nanoTime();
            if (now - lastTick[0] > 200_000_000L) {
                lastTick[0] = now;
                long[] at = source.position();
                progress.progress(counts[1], at[0], at[1], counts[1] * 1e9 / (now - start));
            }
        });
        long nanos = System.nanoTime() - start;
        long[] at = source.position();
        progress.progress(counts[1], at[1], at[1], nanos <= 0 ? 0 : counts[1] * 1e9 / nanos);
        return new Summary(counts[0], counts[1], counts[2], counts[3], nanos);
    }

    /** Decides one claim; a claim the engine cannot take (it refuses the request) becomes an error for each of its lines. */
    public Answer answer(Claim claim, String source) {
        if (claim.lines().isEmpty()) {
            return new Answer(List.of(), claim.errors());
        }
        try {
            return new Answer(DeterminationRow.of(claim, engine.determine(ClaimRequests.toRequest(claim)), explained), claim.errors());
        } catch (IllegalArgumentException e) {
            List<RecordError> errors = new ArrayList<>(claim.errors());
            for (ClaimLine line : claim.lines()) {
                errors.add(new RecordError(source, line.record(), "", claim.id(), "the engine refused the claim: " + e.getMessage()));
            }
            return new Answer(List.of(), errors);
        }
    }
}
