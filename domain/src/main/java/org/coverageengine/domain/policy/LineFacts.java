package org.coverageengine.domain.policy;

import java.util.Set;

/**
 * What a statement's conditions may ask about a requested line and the rest of its request, under one policy.
 */
public interface LineFacts {

    /** True when another line of the request carries a code of the group. */
    boolean otherLineInGroup(String group);

    /** True when another line is a primary procedure: a procedure code in none of the policy's ancillary groups and not an add-on. */
    boolean otherLineIsPrimaryProcedure();

    /** True when the line has diagnoses (its own, else all of the request's) and every one is in one of the groups. */
    boolean diagnosesAllIn(Set<String> groups);

    /** True when an earlier line of the request (in request order) carries a code of the group. */
    boolean earlierLineInGroup(String group);
}
