package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a pack's files come from: a folder on disk, or a folder of classpath resources. */
interface PackFiles {

    /** The bytes of the named file, or empty when the pack has no such file. */
    Optional<byte[]> read(String name);

    /** Where the pack is, for messages. */
    String location();

    /**
     * True for the pack shipped inside the jar: its rows are checked with Bean Validation by the build's tests
     * (PackErrorsTest reads a copy as an ordinary folder), so start-up skips that bootstrap. Every other check
     * (references, dates, codes, duplicates) still runs.
     */
    default boolean shippedAndTested() {
        return false;
    }

    /** A pack folder on disk. */
    static PackFiles directory(Path folder) {
        return new PackFiles() {
            @Override
            public Optional<byte[]> read(String name) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new ImportException(name, 0, 0, "cannot read " + file + ": " + e.getMessage());
                }
            }

            @Override
            public String location() {
                return folder.toString();
            }
        };
    }

    /** A pack folder on the classpath, e.g. "coverage-packs/default". */
    static PackFiles classpath(String folder) {
        return new PackFiles() {
            @Override
            public Optional<byte[]> read(String name) {
                try (InputStream in = PackFiles.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new ImportException(name, 0, 0, "cannot read classpath resource " + folder + "/" + name);
                }
            }

            @Override
            public String location() {
                return "classpath:" + folder;
            }

            @Override
            public boolean shippedAndTested() {
                return true;
            }
        };
    }
}
