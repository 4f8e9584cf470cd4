package org.coverageengine.domain.evaluation;

import java.util.List;

/** The words a check uses to say, in a citation's trigger, what in the request made it hold. */
public interface TriggerPhrases {

    /** "; the request has C1, C2 in G": the other lines carrying a code of the group. */
    void otherLinesIn(RequestView request, int line, int group, StringBuilder into);

    /** "; an earlier line has C1 in G": the lines before this one carrying a code of the group. */
    void earlierLinesIn(RequestView request, int line, int group, StringBuilder into);

    /** "; every diagnosis (D1, D2) is in G or H". */
    void diagnosesIn(RequestView request, int line, List<String> groupNames, StringBuilder into);

    /** "; primary procedure C1, C2": the codes of the other lines that are primary procedures, each once. */
    void otherPrimaryProcedures(RequestView request, int line, StringBuilder into);

    /** "; " and the condition in words, for conditions whose trigger is their own description. */
    void described(String description, StringBuilder into);

    /** "; diagnosis D1 is in G": the line's diagnoses that are in one of the groups of the mask. */
    void someDiagnosesIn(RequestView request, int line, long groups, List<String> groupNames, StringBuilder into);

    /** "; the primary diagnosis D1 is in G". */
    void primaryDiagnosisIn(RequestView request, int line, List<String> groupNames, StringBuilder into);
}
