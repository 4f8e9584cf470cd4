package org.coverageengine.adapter.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes file bytes as strict UTF-8 (a BOM is dropped), reporting the line and column of the first bad byte. */
final class StrictText {

    private StrictText() {
    }

    static String decode(String file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImportException(file, 0, 0, "the file is empty");
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = offset; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new ImportException(file, line, column, String.format(
                    "the file is not valid UTF-8: byte 0x%02X cannot start or continue a character (save the file as UTF-8)",
                    bytes[bad] & 0xFF));
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw new ImportException(file, 0, 0, "the file is not valid UTF-8");
        }
        out.flip();
        String text = out.toString();
        if (text.isBlank()) {
            throw new ImportException(file, 0, 0, "the file is empty");
        }
        return text;
    }

}
