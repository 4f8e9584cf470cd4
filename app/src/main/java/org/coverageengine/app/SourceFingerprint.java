package org.coverageengine.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the packs and code files look like on disk, to tell whether a reload has anything new to read: every file of
 * each pack folder by size, modification time and SHA-256 (pack files are small), and each code file by size and
 * modification time (hashing the large CMS/CDC files every interval would cost more than re-reading on a touch).
 */
record SourceFingerprint(Map<String, String> files) {

    static SourceFingerprint of(List<Path> packs, List<Path> codeFiles, long largestPackFileToHash) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (Path pack : packs) {
                if (!Files.isDirectory(pack)) {
                    files.put(pack.toString(), "absent");
                    continue;
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(pack)) {
                    for (Path file : entries) {
                        files.put(file.toString(), describe(file, largestPackFileToHash));
                    }
                }
            }
            for (Path file : codeFiles) {
                files.put(file.toString(), describe(file, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceFingerprint(Map.copyOf(files));
    }

    private static String describe(Path file, long largestToHash) throws IOException {
        if (!Files.exists(file)) {
            return "absent";
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String sizeAndTime = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        if (!attributes.isRegularFile() || attributes.size() > largestToHash) {
            return sizeAndTime;
        }
        try {
            return sizeAndTime + "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
