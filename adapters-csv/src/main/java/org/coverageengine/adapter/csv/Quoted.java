package org.coverageengine.adapter.csv;

/**
 * A value from a file as an error message may quote it: at most a short prefix, control characters replaced, so
 * that an error never reproduces a file it could not read (or a very long value) in logs and consoles.
 */
final class Quoted {

    static final int MAX = 40;

    private Quoted() {
    }

    static String prefix(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 3);
        int count = 0;
        for (int i = 0; i < value.length() && count < MAX; i = value.offsetByCodePoints(i, 1), count++) {
            int c = value.codePointAt(i);
            out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        if (value.codePointCount(0, value.length()) > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
