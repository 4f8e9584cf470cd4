package org.coverageengine.domain.engine;

import java.time.LocalDate;
import java.util.List;
import org.coverageengine.domain.code.Code;

/**
 * The groups of one policy version that hold each diagnosis a request's lines are judged on, on the date of service:
 * a line's own diagnoses, or the request's for a line without any. Found for a line when a condition or trigger first
 * asks, once (and once for all the lines that read the request's), so every diagnosis condition is a few bit tests.
 */
final class LineDiagnosisGroups {

    private final PolicyIndex index;
    private final List<ParsedLine> lines;
    private final List<Code> requestDiagnoses;
    private final LocalDate date;
    private final long[][] perLine;
    private long[] ofRequest;
    private final Code[] placed = new Code[RequestCodes.KEPT_DIAGNOSES];
    private final long[] placedGroups = new long[RequestCodes.KEPT_DIAGNOSES];
    private int placedCount;

    LineDiagnosisGroups(PolicyIndex index, List<ParsedLine> lines, List<Code> requestDiagnoses, LocalDate date) {
        this.index = index;
        this.lines = lines;
        this.requestDiagnoses = requestDiagnoses;
        this.date = date;
        this.perLine = new long[lines.size()][];
    }

    /** True when a diagnosis the line is judged on is in one of the groups. */
    boolean anyIn(int line, long groups) {
        for (long diagnosis : of(line)) {
            if ((diagnosis & groups) != 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the line is judged on diagnoses and each is in one of the groups. */
    boolean allIn(int line, long groups) {
        long[] diagnoses = of(line);
        for (long diagnosis : diagnoses) {
            if ((diagnosis & groups) == 0) {
                return false;
            }
        }
        return diagnoses.length > 0;
    }

    /** True when the first diagnosis the line is judged on is in one of the groups. */
    boolean primaryIn(int line, long groups) {
        long[] diagnoses = of(line);
        return diagnoses.length > 0 && (diagnoses[0] & groups) != 0;
    }

    /** True when the line's diagnosis at that position is in one of the groups. */
    boolean in(int line, int diagnosis, long groups) {
        return (of(line)[diagnosis] & groups) != 0;
    }

    private long[] of(int line) {
        long[] groups = perLine[line];
        if (groups == null) {
            if (lines.get(line).diagnoses().isEmpty()) {
                if (ofRequest == null) {
                    ofRequest = groupsOf(requestDiagnoses);
                }
                groups = ofRequest;
            } else {
                List<Code> diagnoses = lines.get(line).diagnoses();
                // Lines of one request often point at the same diagnoses: the previous line's are checked first.
                groups = line > 0 && perLine[line - 1] != null && diagnoses.equals(lines.get(line - 1).diagnoses()) ? perLine[line - 1]
                        : groupsOf(diagnoses);
            }
            perLine[line] = groups;
        }
        return groups;
    }

    private long[] groupsOf(List<Code> diagnoses) {
        long[] groups = new long[diagnoses.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groupsOf(diagnoses.get(i));
        }
        return groups;
    }

    /**
     * The groups of one diagnosis. The lines of a request share one code object per diagnosis text (see
     * {@link RequestCodes}), so the first few distinct ones are placed once and found again by identity.
     */
    private long groupsOf(Code diagnosis) {
        for (int k = 0; k < placedCount; k++) {
            if (placed[k] == diagnosis) {
                return placedGroups[k];
            }
        }
        long groups = index.groupsOf(diagnosis, date);
        if (placedCount < placed.length) {
            placed[placedCount] = diagnosis;
            placedGroups[placedCount++] = groups;
        }
        return groups;
    }
}
