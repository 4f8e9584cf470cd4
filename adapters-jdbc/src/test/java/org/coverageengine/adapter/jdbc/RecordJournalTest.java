package org.coverageengine.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal alone: what a start hands back after a clean stop, a kill mid-write, or damage. */
class RecordJournalTest {

    @TempDir
    Path folder;

    private final List<RecordJournal.Entry> replayed = new ArrayList<>();

    private RecordJournal open(long loadedUpTo) throws IOException {
        replayed.clear();
        return RecordJournal.open(folder, loadedUpTo, replayed::add, 200);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> replayedTexts() {
        return replayed.stream().map(e -> e.sequence() + "=" + new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void numbersEntriesFromOneAndHandsBackThoseAfterTheLoadedMark() throws IOException {
        try (RecordJournal journal = open(0)) {
            assertThat(journal.append(text("a"))).isEqualTo(1);
            assertThat(journal.append(text("b"))).isEqualTo(2);
            assertThat(journal.append(text("c"))).isEqualTo(3);
        }
        try (RecordJournal journal = open(1)) {
            assertThat(replayedTexts()).containsExactly("2=b", "3=c");
            assertThat(journal.lastSequence()).isEqualTo(3);
            assertThat(journal.append(text("d"))).isEqualTo(4);
        }
    }

    @Test
    void continuesNumberingAfterTheMarkWhenTheSegmentsAreGone() throws IOException {
        try (RecordJournal journal = open(41)) {
            assertThat(replayed).isEmpty();
            assertThat(journal.append(text("x"))).isEqualTo(42);
        }
    }

    @Test
    void rollsOverToANewSegmentAndDeletesOnlyFullyLoadedOnes() throws IOException {
        try (RecordJournal journal = open(0)) {
            for (int i = 1; i <= 10; i++) {
                journal.append(text("entry-" + "x".repeat(60) + i));
            }
            assertThat(segments()).hasSizeGreaterThan(3);
            int before = segments().size();
            journal.release(journal.lastSequence() - 1);
            assertThat(segments()).hasSize(1);
            assertThat(before).isGreaterThan(1);
        }
        try (RecordJournal journal = open(9)) {
            assertThat(replayedTexts()).hasSize(1).allMatch(t -> t.startsWith("10=") && t.endsWith("10"));
        }
    }

    @ParameterizedTest(name = "a write cut {0} bytes before its end")
    @ValueSource(ints = {1, 5, 12, 17})
    void cutsOffAFrameTornByAKillAtTheEndAndGoesOn(int cut) throws IOException {
        try (RecordJournal journal = open(0)) {
            journal.append(text("whole"));
            journal.append(text("torn!"));
        }
        Path segment = segments().get(segments().size() - 1);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - cut);
        }
        try (RecordJournal journal = open(0)) {
            assertThat(replayedTexts()).containsExactly("1=whole");
            assertThat(journal.append(text("next"))).isEqualTo(2);
        }
        try (RecordJournal journal = open(0)) {
            assertThat(replayedTexts()).containsExactly("1=whole", "2=next");
        }
    }

    @Test
    void cutsOffAFrameWhoseChecksumDoesNotMatchAtTheEnd() throws IOException {
        try (RecordJournal journal = open(0)) {
            journal.append(text("whole"));
            journal.append(text("flipped"));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 1;
        Files.write(segment, bytes);
        try (RecordJournal journal = open(0)) {
            assertThat(replayedTexts()).containsExactly("1=whole");
        }
    }

    @Test
    void refusesToStartOnDamageBeforeTheLastSegmentSayingWhere() throws IOException {
        try (RecordJournal journal = open(0)) {
            for (int i = 0; i < 12; i++) {
                journal.append(text("entry-" + "y".repeat(80)));
            }
        }
        Path first = segments().get(0);
        byte[] bytes = Files.readAllBytes(first);
        bytes[20] ^= 1;
        Files.write(first, bytes);
        assertThatThrownBy(() -> open(0)).isInstanceOf(IOException.class)
                .hasMessageContaining(first.getFileName().toString()).hasMessageContaining("damaged at byte 0");
    }

    @Test
    void aWriteThatFailsAndCannotBeUndoneRefusesEveryLaterEntry() throws IOException {
        RecordJournal journal = open(0);
        journal.append(text("kept"));
        journal.close();
        assertThatThrownBy(() -> journal.append(text("lost"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> journal.append(text("after"))).isInstanceOf(IOException.class)
                .hasMessageContaining("could not be undone");
        try (RecordJournal reopened = open(0)) {
            assertThat(replayedTexts()).containsExactly("1=kept");
        }
    }
}
