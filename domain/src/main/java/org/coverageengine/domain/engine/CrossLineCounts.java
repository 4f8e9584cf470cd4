package org.coverageengine.domain.engine;

import java.util.List;

/**
 * What one policy's evaluation of one request counts across its lines: which lines repeat a code, the units of a
 * code or of a group on the lines before each line, and the first line of each code of a group. Each is counted in one
 * pass over the lines when first asked, so a limit or trigger on every line costs no more than one on a single line.
 */
final class CrossLineCounts {

    private final List<ParsedLine> lines;
    private final int[] firstOfCode;
    private final long[] lineMasks;
    private final int groups;
    /**
     * Per line, once asked: the next line with the same code (-1 when none), and the units of its code on the lines
     * before it.
     */
    private int[] nextOfCode;
    private int[] codeUnitsBefore;
    /** Per group, once a limit asks: per line, the units of the group's codes on the lines before it. */
    private int[][] groupUnitsBefore;
    /** Per group, once a trigger asks: the first line of each of its codes. */
    private int[][] codeFirstLines;

    /** Counts over the lines; {@code firstOfCode} links the lines of one code (see {@link RequestCodes#firstOfCode}). */
    CrossLineCounts(List<ParsedLine> lines, int[] firstOfCode, long[] lineMasks, int groups) {
        this.lines = lines;
        this.firstOfCode = firstOfCode;
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
        return firstOfCode[line];
    }

    /** The next line after this one whose code equals this line's, or -1. */
    int nextLineWithCodeOf(int line) {
        sameCodes();
        return nextOfCode[line];
    }

    /** Links each line to the next of its code and counts the units before it, in one pass over the first lines of codes. */
    private void sameCodes() {
        if (nextOfCode != null) {
            return;
        }
        int n = lines.size();
        int[] next = new int[n];
        int[] unitsBefore = new int[n];
        // Per first line of a code: the latest line seen with that code, plus one (0: none yet).
        int[] latest = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            int first = firstOfCode[i];
            if (first < 0) {
                continue;
            }
            int previous = latest[first] - 1;
            if (previous >= 0) {
                next[previous] = i;
                unitsBefore[i] = unitsBefore[previous] + lines.get(previous).line().quantity();
            }
            latest[first] = i + 1;
        }
        codeUnitsBefore = unitsBefore;
        nextOfCode = next;
    }
}
