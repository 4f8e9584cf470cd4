package org.coverageengine.adapter.batch;

import com.google.common.hash.Hashing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Groups a stream of claim lines into claims: a claim is a run of contiguous lines sharing a claim id. A claim id
 * seen again after another claim, a line number repeated within a claim, and a line whose date of service or line of
 * business differs from its claim's first line (one request has one of each) are errors for those records.
 */
public final class ClaimAssembler implements Iterator<Claim> {

    private final ClaimLineSource source;
    private final SeenIds seen = new SeenIds();
    private ReadResult pending;

    /** Groups the lines of the source. */
    public ClaimAssembler(ClaimLineSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public boolean hasNext() {
        return pending != null || source.hasNext();
    }

    @Override
    public Claim next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult first = take();
        if (!first.ok()) {
            return new Claim(first.error().claimId(), List.of(), List.of(first.error()));
        }
        ClaimLine head = first.line();
        String id = head.claimId();
        boolean repeated = !seen.add(id);
        List<ClaimLine> lines = new ArrayList<>(4);
        List<RecordError> errors = new ArrayList<>(0);
        Set<Integer> numbers = new HashSet<>(8);
        accept(head, head, repeated, numbers, lines, errors);
        while (pending != null || source.hasNext()) {
            ReadResult next = take();
            if (!next.ok()) {
                if (id.equals(next.error().claimId())) {
                    errors.add(next.error());
                    continue;
                }
                pending = next;
                break;
            }
            if (!next.line().claimId().equals(id)) {
                pending = next;
                break;
            }
            accept(head, next.line(), repeated, numbers, lines, errors);
        }
        return new Claim(id, lines, errors);
    }

    private void accept(ClaimLine head, ClaimLine line, boolean repeated, Set<Integer> numbers, List<ClaimLine> lines,
            List<RecordError> errors) {
        if (repeated) {
            errors.add(error(line, "claim_id", "the claim id was seen before, after another claim; a claim's lines must be "
                    + "contiguous (sort the input, or run with --sort)"));
        } else if (!numbers.add(line.line())) {
            errors.add(error(line, "line", "line number " + line.line() + " appears twice in the claim"));
        } else if (!line.dateOfService().equals(head.dateOfService())) {
            errors.add(error(line, "date_of_service", "the claim's lines share one date of service (its first line has "
                    + head.dateOfService() + "), was " + line.dateOfService()));
        } else if (line.lineOfBusiness() != head.lineOfBusiness()) {
            errors.add(error(line, "line_of_business", "the claim's lines share one line of business (its first line has "
                    + code(head) + "), was " + code(line)));
        } else {
            lines.add(line);
        }
    }

    private static String code(ClaimLine line) {
        return line.lineOfBusiness() == null ? "none" : line.lineOfBusiness().code();
    }

    private RecordError error(ClaimLine line, String field, String message) {
        return new RecordError(source.name(), line.record(), field, line.claimId(), message);
    }

    private ReadResult take() {
        if (pending != null) {
            ReadResult taken = pending;
            pending = null;
            return taken;
        }
        return source.next();
    }

    /**
     * The claim ids seen so far, as 64-bit hashes in an open-addressing table: 16 bytes per claim at most, the only
     * state of a run that grows with the input (a collision would need billions of claims).
     */
    static final class SeenIds {
        private long[] slots = new long[1 << 12];
        private int size;
        private boolean zeroSeen;

        boolean add(String id) {
            long hash = Hashing.murmur3_128().hashUnencodedChars(id).asLong();
            if (hash == 0) {
                boolean added = !zeroSeen;
                zeroSeen = true;
                return added;
            }
            if (size * 2 >= slots.length) {
                grow();
            }
            return insert(slots, hash);
        }

        private boolean insert(long[] table, long hash) {
            int mask = table.length - 1;
            int i = (int) (hash ^ (hash >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == hash) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = hash;
            if (table == slots) {
                size++;
            }
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long hash : old) {
                if (hash != 0) {
                    insert(slots, hash);
                }
            }
        }
    }
}
