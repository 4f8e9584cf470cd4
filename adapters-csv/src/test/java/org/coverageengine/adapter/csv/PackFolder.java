package org.coverageengine.adapter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: a copy of the embedded pack of policy 0509 in a folder, to be edited into broken variants. */
final class PackFolder {

    static final List<String> FILES = List.of(PackReader.PACK, PackReader.POLICIES, PackReader.REFERRALS, PackReader.REVISIONS,
            PackReader.GROUPS, PackReader.GROUP_CODES, PackReader.STATEMENTS, PackReader.CRITERIA, PackReader.CODES);

    private PackFolder() {
    }

    static Path copyOf0509Pack(Path into) {
        try {
            for (String name : FILES) {
                try (InputStream in = PackFolder.class.getClassLoader().getResourceAsStream(CsvPolicyPack.POLICY_0509_PACK + "/" + name)) {
                    Files.write(into.resolve(name), in.readAllBytes());
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path folder, String name) {
        try {
            return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path folder, String name, String text) {
        write(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path folder, String name, byte[] bytes) {
        try {
            Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of a text in a pack file. */
    static void edit(Path folder, String name, String from, String to) {
        String text = read(folder, name);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(name + " does not contain " + from);
        }
        write(folder, name, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
