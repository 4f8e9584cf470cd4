package org.coverageengine.domain.evaluation;

import java.util.List;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.determination.Sex;

/**
 * A read-only view of one request as one policy sees it: each line's groups of that policy as a bit mask (group
 * {@code g} is bit {@code 1L << g}), counted once per request so that every question is answered in constant time.
 */
public interface RequestView {

    /** The number of lines of the request. */
    int lineCount();

    /** The line's procedure code, or null when it is malformed. */
    Code code(int line);

    /** The first line whose code equals this line's (the line itself when no earlier line has it), or -1 without a code. */
    int firstLineWithCodeOf(int line);

    /** The next line after this one whose code equals this line's, or -1 when there is none. */
    int nextLineWithCodeOf(int line);

    /** The first line of each code of the group, in line order (each code once); shared, so never to be changed. */
    int[] firstLinesOfCodesIn(int group);

    /** The policy's groups holding the line's code on the date of service, as a bit mask. */
    long groups(int line);

    /** How many lines carry a code of the group. */
    int linesIn(int group);

    /** The first line carrying a code of the group, or -1 when none does. */
    int firstLineIn(int group);

    /** True when the line is a primary procedure (a procedure, not an add-on, in none of the ancillary groups). */
    boolean isPrimaryProcedure(int line);

    /** How many lines are primary procedures. */
    int primaryProcedures();

    /** True when the line has diagnoses (its own, else the request's) and each is in one of the groups of the mask. */
    boolean diagnosesAllIn(int line, long groups);

    /** The diagnoses the line is judged on: its own, else the request's. */
    List<Code> diagnoses(int line);

    /** True when at least one diagnosis of the line (its own, else the request's) is in one of the groups of the mask. */
    boolean diagnosesAnyIn(int line, long groups);

    /** True when the line's primary (first) diagnosis is in one of the groups of the mask; false without diagnoses. */
    boolean primaryDiagnosisIn(int line, long groups);

    /** True when the line's diagnosis at the index (of {@link #diagnoses}) is in one of the groups of the mask on the date of service. */
    boolean diagnosisIn(int line, int diagnosis, long groups);

    /** The units requested on the line. */
    int units(int line);

    /** The line's modifiers, as written (upper case). */
    List<String> modifiers(int line);

    /** The patient's age in whole years on the date of service, or null when the request gives neither birth date nor age. */
    Integer patientAge();

    /** The patient's sex, or null when the request does not give it. */
    Sex patientSex();

    /** The CMS place-of-service code of the request, or null when it does not give one. */
    String placeOfService();
}
