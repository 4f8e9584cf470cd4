package org.coverageengine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a full-size synthetic NCCI PTP file in the CMS layout (Latin-1, tab-separated, CRLF, the six header lines):
 * about a million rows over some ten thousand codes, with the benchmark requests' codes among them, a share of
 * deleted edits and every modifier indicator.
 *
 * <p>Usage: {@code NcciPtpGenerator FILE [rows]} (default 1,000,000 rows); name the file like a CMS one, e.g.
 * {@code ccipra-v322r0-f1.txt}.
 */
public final class NcciPtpGenerator {

    static final String HEADER = "CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r\n"
            + "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
            + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
            + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n"
            + "\t\t\t\t*=no data\t1=allowed\t\r\n"
            + "\t\t\t\t\t9=not applicable\t\r\n";
    private static final String[] RATIONALES = {"CPT Manual or CMS manual coding instruction", "Standards of medical / surgical practice",
        "Mutually exclusive procedures", "Misuse of column two code with column one code", "More extensive procedure"};
    /** Codes of the benchmark requests, so that looking their pairs up finds rows. */
    private static final String[] REQUEST_CODES = {"63047", "61510", "95940", "95941", "95925", "95926", "99213", "S3900", "64483", "22551"};

    private NcciPtpGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/ccipra-v322r0-f1.txt");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        write(file, rows);
        System.out.printf("wrote %,d PTP rows to %s (%,d bytes)%n", rows, file, Files.size(file));
    }

    static void write(Path file, int rows) throws IOException {
        Random random = new Random(322);
        String[] codes = new String[12_000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i < REQUEST_CODES.length ? REQUEST_CODES[i] : String.format("%05d", 10_000 + i * 7);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write(HEADER);
            int written = 0;
            for (int first = 0; written < rows; first = (first + 1) % codes.length) {
                // About 85 column-2 codes per column-1 code, as in the CMS practitioner tables.
                int pairs = Math.min(rows - written, 40 + random.nextInt(90));
                for (int p = 0; p < pairs; p++) {
                    int second = random.nextInt(codes.length);
                    if (second == first) {
                        continue;
                    }
                    int year = 1996 + random.nextInt(30);
                    boolean deleted = random.nextInt(4) == 0;
                    int indicator = random.nextInt(20) == 0 ? 9 : random.nextInt(5) == 0 ? 0 : 1;
                    out.write(codes[first]);
                    out.write('\t');
                    out.write(codes[second]);
                    out.write(year == 1996 ? "\t*\t" : "\t\t");
                    out.write(year + "0101\t");
                    out.write(deleted ? (year + 1 + random.nextInt(3)) + "1231" : "*");
                    out.write("\t" + indicator + "\t" + RATIONALES[random.nextInt(RATIONALES.length)] + "\r\n");
                    written++;
                }
            }
        }
    }
}
