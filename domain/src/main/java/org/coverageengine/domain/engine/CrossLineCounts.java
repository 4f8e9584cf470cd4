package org.coverageengine.domain.engine;

import java.util.List;
import org.coverageengine.domain.code.Code;

/**
 * What one policy's evaluation of one request counts across its lines: which lines repeat a code, the units of a
 * code or of a group on the lines before each line, and the first line of each code of a group. Each is counted in one
 * pass over the lines when first asked, so a limit or trigger on every line costs no more than one on a single line.
 */
final class CrossLineCounts {

    private final List<ParsedLine> lines;
    private final long[] lineMasks;
    private final int groups;
    /**
     * Per line: the first line with the same code (the line itself when none is earlier; -1 without a code), the next
     * line with the same code (-1 when none), and the units of its code on the lines before it.
     */
    private int[] firstOfCode;
    private int[] nextOfCode;
    private int[] codeUnitsBefore;
    /** Per group, once a limit asks: per line, the units of the group's codes on the lines before it. */
    private int[][] groupUnitsBefore;
    /** Per group, once a trigger asks: the first line of each of its codes. */
    private int[][] codeFirstLines;

    CrossLineCounts(List<ParsedLine> lines, long[] lineMasks, int groups) {
        this.lines = lines;
        this.lineMasks = lineMasks;
        this.groups = groups;
    }

    /** How many units the lines before this one request of the same code. */
    int unitsOfCodeBefore(int line) {
        sameCodes();
        return codeUnitsBefore[line];
    }

    /** How many units the lines before this one request of codes in the group. */
    int unitsInGroupBefore(int line, int group) {
        if (groupUnitsBefore == null) {
            groupUnitsBefore = new int[groups][];
        }
        int[] before = groupUnitsBefore[group];
        if (before == null) {
            before = new int[lines.size()];
            long bit = 1L << group;
            int used = 0;
            for (int j = 0; j < before.length; j++) {
                before[j] = used;
                if ((lineMasks[j] & bit) != 0) {
                    used += lines.get(j).line().quantity();
                }
            }
            groupUnitsBefore[group] = before;
        }
        return before[line];
    }

    /** The first line of each code of the group, in line order. */
    int[] firstLinesOfCodesIn(int group) {
        if (codeFirstLines == null) {
            codeFirstLines = new int[groups][];
        }
        int[] firsts = codeFirstLines[group];
        if (firsts == null) {
            sameCodes();
            long bit = 1L << group;
            int count = 0;
            for (int i = 0; i < lineMasks.length; i++) {
                if ((lineMasks[i] & bit) != 0 && firstOfCode[i] == i) {
                    count++;
                }
            }
            firsts = new int[count];
            count = 0;
            for (int i = 0; i < lineMasks.length; i++) {
                if ((lineMasks[i] & bit) != 0 && firstOfCode[i] == i) {
                    firsts[count++] = i;
                }
            }
            codeFirstLines[group] = firsts;
        }
        return firsts;
    }

    /** The first line whose code equals this line's (the line itself when none is earlier), or -1 without a code. */
    int firstLineWithCodeOf(int line) {
        sameCodes();
        return firstOfCode[line];
    }

    /** The next line after this one whose code equals this line's, or -1. */
    int nextLineWithCodeOf(int line) {
        sameCodes();
        return nextOfCode[line];
    }

    /**
     * Links the lines of equal codes in one pass, through an open-addressing table of line numbers (arrays only: the
     * counts are asked for every limited line, so a map of boxed counts would cost more than it saves).
     */
    private void sameCodes() {
        if (firstOfCode != null) {
            return;
        }
        int n = lines.size();
        int[] first = new int[n];
        int[] next = new int[n];
        int[] unitsBefore = new int[n];
        // Each slot holds (line + 1) of the latest line seen with its code.
        int[] latest = new int[Integer.highestOneBit(Math.max(2 * n - 1, 1)) << 1];
        int slots = latest.length - 1;
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            Code code = lines.get(i).code();
            if (code == null) {
                first[i] = -1;
                continue;
            }
            int hash = code.hashCode() * 0x9E3779B9;
            int slot = (hash ^ hash >>> 16) & slots;
            while (latest[slot] != 0 && !code.equals(lines.get(latest[slot] - 1).code())) {
                slot = slot + 1 & slots;
            }
            int previous = latest[slot] - 1;
            if (previous < 0) {
                first[i] = i;
            } else {
                first[i] = first[previous];
                next[previous] = i;
                unitsBefore[i] = unitsBefore[previous] + lines.get(previous).line().quantity();
            }
            latest[slot] = i + 1;
        }
        nextOfCode = next;
        codeUnitsBefore = unitsBefore;
        firstOfCode = first;
    }
}
