package org.coverageengine.adapter.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.coverageengine.domain.determination.LineOfBusiness;

/**
 * An external merge sort of a claim-line source by claim id (then input order), so the lines of a claim become
 * contiguous: runs of a bounded number of records are sorted in memory and spilled to temporary files, then merged.
 * Refused records come first, in input order. Memory holds one run while sorting and one record per run while merging.
 */
public final class SortedClaimLines implements ClaimLineSource {

    /** Records sorted in memory per run. */
    public static final int DEFAULT_RUN = 200_000;

    private static final Comparator<ReadResult> ORDER = Comparator.comparing(SortedClaimLines::claimKey)
            .thenComparingLong(SortedClaimLines::record);

    private final String name;
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> inputs = new ArrayList<>();
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.result, b.result));

    private record Head(ReadResult result, int run) {
    }

    private SortedClaimLines(String name) {
        this.name = name;
    }

    /** Reads the whole source, spilling sorted runs of {@code runSize} records into {@code temp}, and opens the merge. */
    public static SortedClaimLines sort(ClaimLineSource source, Path temp, int runSize) {
        SortedClaimLines sorted = new SortedClaimLines(source.name());
        try (source) {
            List<ReadResult> run = new ArrayList<>(Math.min(runSize, 1 << 16));
            while (source.hasNext()) {
                run.add(source.next());
                if (run.size() >= runSize) {
                    sorted.spill(run, temp);
                }
            }
            if (!run.isEmpty()) {
                sorted.spill(run, temp);
            }
            for (int i = 0; i < sorted.runs.size(); i++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(sorted.runs.get(i)), 1 << 16));
                sorted.inputs.add(in);
                sorted.advance(i);
            }
        } catch (IOException e) {
            sorted.close();
            throw new UncheckedIOException("sorting " + source.name() + " on disk: " + e.getMessage(), e);
        }
        return sorted;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public ReadResult next() {
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        try {
            advance(head.run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head.result;
    }

    @Override
    public void close() {
        for (DataInputStream in : inputs) {
            try {
                in.close();
            } catch (IOException e) {
                // a temporary file we only read
            }
        }
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // left in the temporary folder, which the system cleans
            }
        }
    }

    private void spill(List<ReadResult> run, Path temp) throws IOException {
        run.sort(ORDER);
        Path file = Files.createTempFile(temp, "claims-run-", ".bin");
        runs.add(file);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (ReadResult result : run) {
                write(out, result);
            }
        }
        run.clear();
    }

    private void advance(int run) throws IOException {
        ReadResult result = read(inputs.get(run));
        if (result != null) {
            heads.add(new Head(result, run));
        }
    }

    private static String claimKey(ReadResult result) {
        return result.ok() ? "\u0001" + result.line().claimId() : "";
    }

    private static long record(ReadResult result) {
        return result.ok() ? result.line().record() : result.error().line();
    }

    private static void write(DataOutputStream out, ReadResult result) throws IOException {
        out.writeBoolean(result.ok());
        if (!result.ok()) {
            RecordError e = result.error();
            out.writeUTF(e.source());
            out.writeLong(e.line());
            out.writeUTF(e.where());
            out.writeUTF(e.claimId());
            out.writeUTF(e.message());
            return;
        }
        ClaimLine l = result.line();
        out.writeUTF(l.claimId());
        out.writeInt(l.line());
        out.writeLong(l.dateOfService().toEpochDay());
        out.writeByte(l.lineOfBusiness() == null ? -1 : l.lineOfBusiness().ordinal());
        out.writeUTF(l.code());
        writeList(out, l.modifiers());
        out.writeInt(l.units());
        writeList(out, l.diagnoses());
        writeList(out, l.attestations());
        out.writeLong(l.patientBirthDate() == null ? Long.MIN_VALUE : l.patientBirthDate().toEpochDay());
        out.writeUTF(l.patientSex());
        out.writeUTF(l.placeOfService());
        out.writeUTF(l.claimType());
        out.writeLong(l.record());
    }

    private static ReadResult read(DataInputStream in) throws IOException {
        boolean ok;
        try {
            ok = in.readBoolean();
        } catch (EOFException e) {
            return null;
        }
        if (!ok) {
            return ReadResult.failed(new RecordError(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(), in.readUTF()));
        }
        String claimId = in.readUTF();
        int line = in.readInt();
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        byte lob = in.readByte();
        String code = in.readUTF();
        List<String> modifiers = readList(in);
        int units = in.readInt();
        List<String> diagnoses = readList(in);
        List<String> attestations = readList(in);
        long birth = in.readLong();
        return ReadResult.of(new ClaimLine(claimId, line, date, lob < 0 ? null : LineOfBusiness.values()[lob], code, modifiers, units,
                diagnoses, attestations, birth == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(birth), in.readUTF(), in.readUTF(),
                in.readUTF(), in.readLong()));
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readShort();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
