package org.coverageengine.adapter.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of strings (elements may be null) as one text column: each element escaped and ended by a newline, so an
 * empty list, a list of one empty string and a null element all read back as they were written.
 */
final class TextList {

    private TextList() {
    }

    static String encode(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            if (item == null) {
                out.append("\\0");
            } else {
                for (int i = 0; i < item.length(); i++) {
                    char c = item.charAt(i);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> out.append(c);
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    static List<String> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                items.add(isNull ? null : item.toString());
                item.setLength(0);
                isNull = false;
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case '0' -> isNull = true;
                    case 'n' -> item.append('\n');
                    default -> item.append(next);
                }
            } else {
                item.append(c);
            }
        }
        return items;
    }
}
