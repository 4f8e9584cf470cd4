package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Reads a whole file only when it is a regular file within a size limit, checked before reading and while reading. */
final class BoundedFile {

    private BoundedFile() {
    }

    /**
     * The file's bytes; the name is used in errors. A file that grows past the limit while being read is refused
     * too, so a special file (a device, a pipe) cannot make the read unbounded.
     */
    static byte[] read(String name, Path file, long limit, String option) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ImportException(name, 0, 0, "not a regular file: refused");
            }
            if (Files.size(file) > limit) {
                throw ReadLimits.tooLarge(name, limit, option);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (bytes.length > limit) {
                    throw ReadLimits.tooLarge(name, limit, option);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new ImportException(name, 0, 0, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** True when the path is a symbolic link whose target is outside the folder (or cannot be resolved). */
    static boolean leaves(Path folder, Path file) {
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        try {
            return !file.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }

    static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
