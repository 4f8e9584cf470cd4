package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a whole pack is read: size limits, no file from outside the folder, and the manifest when there is one. */
class PackPublishingTest {

    @TempDir
    Path folder;

    @TempDir
    Path outside;

    ImportException refused(ReadLimits limits) {
        return catchThrowableOfType(() -> CsvPolicyPack.fromDirectory(folder, limits), ImportException.class);
    }

    Map<String, byte[]> packBytes() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : PackFolder.FILES) {
            if (Files.exists(folder.resolve(name))) {
                files.put(name, PackFolder.read(folder, name).getBytes(StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    @DisplayName("a pack file larger than the limit is refused before it is read, naming the option")
    void sizeLimit() {
        PackFolder.copyOf0509Pack(folder);
        ImportException e = refused(new ReadLimits(10_000, ReadLimits.DEFAULT_CODE_FILE_BYTES));
        assertThat(e.problems()).extracting(ImportProblem::toString)
                .contains("group_codes.csv: larger than the limit of 10000 bytes (option --max-pack-file-bytes)");
    }

    @Test
    @DisplayName("a file listed in the manifest but over the size limit is reported as too large, not as absent")
    void oversizedFileInAManifest() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, PackManifest.FILE, PackManifest.write(packBytes()));
        ImportException e = refused(new ReadLimits(10_000, ReadLimits.DEFAULT_CODE_FILE_BYTES));
        assertThat(e.problems()).extracting(ImportProblem::toString)
                .contains("group_codes.csv: larger than the limit of 10000 bytes (option --max-pack-file-bytes)")
                .noneMatch(problem -> problem.contains("absent"));
    }

    @Test
    @DisplayName("a symbolic link to a file outside the pack is refused and its contents are never quoted")
    void symlinkOutside() throws Exception {
        PackFolder.copyOf0509Pack(folder);
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.delete(folder.resolve("statements.csv"));
        Files.createSymbolicLink(folder.resolve("statements.csv"), secret);

        ImportException e = refused(ReadLimits.DEFAULTS);
        assertThat(e.problems()).extracting(ImportProblem::toString)
                .containsExactly("statements.csv: a symbolic link to outside the pack folder: refused (copy the file into the pack)");
        assertThat(e.getMessage()).doesNotContain("root:x");
    }

    @Test
    @DisplayName("a wrong header quotes at most a short, sanitised prefix of what it found")
    void headerQuoteIsShort() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, "statements.csv", "root:x:0:0:root:/root:/bin/bash,daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        ImportException e = refused(ReadLimits.DEFAULTS);
        assertThat(e.getMessage()).contains("found: root:x:0:0:root:/root:/bin/bash,daemon:x...").doesNotContain("nologin");
    }

    @Test
    @DisplayName("with a manifest: a matching pack reads; a changed, missing or unlisted file is named with what differs")
    void manifest() throws Exception {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, PackManifest.FILE, PackManifest.write(packBytes()));
        assertThat(CsvPolicyPack.fromDirectory(folder).policies()).hasSize(1);

        PackFolder.edit(folder, "statements.csv", "has(PAIN),decide", "has(PAIN), decide");
        assertThat(refused(ReadLimits.DEFAULTS).problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("statements.csv: ").contains("bytes, but MANIFEST.csv line").contains("says");

        PackFolder.edit(folder, "statements.csv", "has(PAIN), decide", "has(PAIM),decide");
        assertThat(refused(ReadLimits.DEFAULTS).problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("statements.csv: its SHA-256 differs from MANIFEST.csv");

        PackFolder.edit(folder, "statements.csv", "has(PAIM),decide", "has(PAIN),decide");
        Files.delete(folder.resolve("codes.csv"));
        assertThat(refused(ReadLimits.DEFAULTS).problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("codes.csv: listed in MANIFEST.csv but absent");

        PackFolder.write(folder, PackManifest.FILE, PackManifest.write(packBytes()));
        PackFolder.write(folder, "codes.csv", "system,code\nCPT,95940\n");
        assertThat(refused(ReadLimits.DEFAULTS).problems()).extracting(ImportProblem::toString).singleElement().asString()
                .startsWith("codes.csv: present but not listed in MANIFEST.csv");
    }

    @Test
    @DisplayName("a code file larger than the limit is refused before it is read")
    void codeFileLimit() throws Exception {
        Path file = Files.writeString(outside.resolve("icd10cm-order-2025.txt"), "00001 A00     0 Cholera\n".repeat(100));
        ImportException e = catchThrowableOfType(() -> CodeFile.read(file, null, ProgressListener.NONE,
                new ReadLimits(ReadLimits.DEFAULT_PACK_FILE_BYTES, 1000)), ImportException.class);
        assertThat(e.problems()).extracting(ImportProblem::toString)
                .containsExactly("icd10cm-order-2025.txt: larger than the limit of 1000 bytes (option --max-code-file-bytes)");
        assertThat(e.location()).contains(outside.toString());
    }
}
