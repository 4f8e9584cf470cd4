package org.coverageengine.adapter.jdbc;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The record's journal: an append-only log of numbered entries in segment files of the data folder. An entry is
 * handed to the operating system in one write before its answer is sent, so a killed process loses no answered
 * record (the same guarantee as the database's own commit, which does not force the disk either); the database is
 * loaded from the journal behind, in large transactions. Each frame is its payload's length, a CRC-32C over its
 * number and payload, its number and the payload: a frame torn by a kill at the end of the last segment is cut off
 * at the next start (its answer was never sent); damage anywhere else stops the start.
 */
final class RecordJournal implements AutoCloseable {

    /** An entry: its number (from 1, without gaps) and payload. */
    record Entry(long sequence, byte[] payload) {
    }

    static final long SEGMENT_BYTES = 64L << 20;
    static final int MAX_PAYLOAD = 64 << 20;
    private static final int HEADER = 16;
    private static final String SUFFIX = ".journal";

    private final Path folder;
    private final long segmentBytes;
    private FileChannel current;
    private long currentSize;
    private long nextSequence;
    private boolean broken;

    private RecordJournal(Path folder, long segmentBytes, long nextSequence) {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        this.nextSequence = nextSequence;
    }

    /**
     * Opens the journal in the folder (created if absent), hands every entry numbered after {@code loadedUpTo} to
     * {@code unloaded} in order, and starts a new segment for what follows.
     */
    static RecordJournal open(Path folder, long loadedUpTo, Consumer<Entry> unloaded) throws IOException {
        return open(folder, loadedUpTo, unloaded, SEGMENT_BYTES);
    }

    static RecordJournal open(Path folder, long loadedUpTo, Consumer<Entry> unloaded, long segmentBytes) throws IOException {
        Files.createDirectories(folder);
        List<Path> segments = segments(folder);
        long last = loadedUpTo;
        for (int i = 0; i < segments.size(); i++) {
            last = Math.max(last, replay(segments.get(i), i == segments.size() - 1, loadedUpTo, unloaded));
        }
        RecordJournal journal = new RecordJournal(folder, segmentBytes, last + 1);
        journal.startSegment();
        return journal;
    }

    private static List<Path> segments(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static long firstSequence(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** Replays one segment; returns the number of its last whole entry (0 if none). */
    private static long replay(Path segment, boolean last, long loadedUpTo, Consumer<Entry> unloaded) throws IOException {
        long position = 0;
        long sequence = 0;
        try (InputStream raw = Files.newInputStream(segment); DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                String damage;
                try {
                    int length = in.readInt();
                    int crc = in.readInt();
                    long number = in.readLong();
                    if (length < 0 || length > MAX_PAYLOAD) {
                        damage = "a frame length of " + length;
                    } else {
                        byte[] payload = in.readNBytes(length);
                        if (payload.length < length) {
                            damage = "a frame cut short";
                        } else if (crc != checksum(number, payload)) {
                            damage = "a frame whose checksum does not match";
                        } else {
                            if (number > loadedUpTo) {
                                unloaded.accept(new Entry(number, payload));
                            }
                            sequence = number;
                            position += HEADER + length;
                            continue;
                        }
                    }
                } catch (EOFException end) {
                    damage = position == Files.size(segment) ? null : "a frame header cut short";
                }
                if (damage == null) {
                    return sequence;
                }
                if (!last) {
                    throw new IOException("the journal segment " + segment.getFileName() + " is damaged at byte " + position + " (" + damage + ")");
                }
                try (FileChannel cut = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    cut.truncate(position);
                }
                return sequence;
            }
        }
    }

    private static int checksum(long sequence, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, sequence));
        crc.update(payload);
        return (int) crc.getValue();
    }

    private void startSegment() throws IOException {
        Path segment = folder.resolve(String.format("%020d", nextSequence) + SUFFIX);
        // A segment a killed process had started but not written to (its entries would have numbered this one).
        if (Files.exists(segment) && Files.size(segment) == 0) {
            Files.delete(segment);
        }
        current = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentSize = 0;
    }

    /**
     * Appends the payload as the next entry, written in one call; returns its number. A failed write is cut off
     * again, so that the entries after it stay readable; when even that fails, the journal takes no more entries.
     */
    synchronized long append(byte[] payload) throws IOException {
        if (broken) {
            throw new IOException("an earlier write to the journal failed and could not be undone");
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IOException("an entry of " + payload.length + " bytes is over the journal's " + MAX_PAYLOAD);
        }
        if (currentSize >= segmentBytes) {
            current.close();
            startSegment();
        }
        long sequence = nextSequence;
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(payload.length).putInt(checksum(sequence, payload)).putLong(sequence).flip();
        ByteBuffer[] frame = {header, ByteBuffer.wrap(payload)};
        long remaining = HEADER + (long) payload.length;
        try {
            while (remaining > 0) {
                remaining -= current.write(frame);
            }
        } catch (IOException e) {
            try {
                current.truncate(currentSize);
                current.position(currentSize);
            } catch (IOException undo) {
                broken = true;
                e.addSuppressed(undo);
            }
            throw e;
        }
        currentSize += HEADER + payload.length;
        nextSequence = sequence + 1;
        return sequence;
    }

    /** The number of the last entry appended (0 if none ever was). */
    synchronized long lastSequence() {
        return nextSequence - 1;
    }

    /** Deletes the segments whose entries are all loaded (never the one being written). */
    synchronized void release(long loadedUpTo) throws IOException {
        List<Path> segments = segments(folder);
        List<Path> done = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (firstSequence(segments.get(i + 1)) - 1 <= loadedUpTo) {
                done.add(segments.get(i));
            }
        }
        for (Path segment : done) {
            Files.deleteIfExists(segment);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        current.close();
    }
}
