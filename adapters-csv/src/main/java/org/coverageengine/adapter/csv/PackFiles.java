package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.InputStream;
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

    /**
     * A pack folder on disk. A file may be a symbolic link only to a file inside the folder, must be a regular
     * file, and may not be larger than the limit.
     */
    static PackFiles directory(Path folder, ReadLimits limits) {
        return new PackFiles() {
            @Override
            public Optional<byte[]> read(String name) {
                Path file = folder.resolve(name);
                if (!BoundedFile.exists(file)) {
                    return Optional.empty();
                }
                if (BoundedFile.leaves(folder, file)) {
                    throw new ImportException(name, 0, 0, "a symbolic link to outside the pack folder: refused (copy the file into the pack)");
                }
                return Optional.of(BoundedFile.read(name, file, limits.packFileBytes(), ReadLimits.PACK_FILE_OPTION));
            }

            @Override
            public String location() {
                return folder.toString();
            }
        };
    }

    /** A pack folder on the classpath, e.g. "coverage-packs/policy-0509". */
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
