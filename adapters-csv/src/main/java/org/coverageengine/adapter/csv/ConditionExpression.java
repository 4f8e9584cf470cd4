package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.domain.policy.Condition;

/**
 * Parses a statement's {@code when} column: terms joined by {@code &}, each optionally negated with {@code !}:
 * {@code has(GROUP)}, {@code has-primary}, {@code all-dx-in(GROUP,GROUP...)}, {@code earlier(GROUP)}.
 */
final class ConditionExpression {

    private static final Pattern TERM = Pattern.compile("(!?)\\s*([a-z-]+)\\s*(?:\\(([^()]*)\\))?");
    static final String SYNTAX = "has(GROUP), has-primary, all-dx-in(GROUP,...), earlier(GROUP), each optionally negated with ! and joined with &";

    private ConditionExpression() {
    }

    /** The conditions, in order; throws IllegalArgumentException saying which term is wrong. */
    static List<Condition> parse(String text) {
        List<Condition> conditions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return conditions;
        }
        for (String raw : text.split("&", -1)) {
            String term = raw.strip();
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read condition '" + Quoted.prefix(term) + "' (expected " + SYNTAX + ")");
            }
            Condition condition = term(term, m.group(2), m.group(3));
            conditions.add(m.group(1).isEmpty() ? condition : new Condition.Not(condition));
        }
        return conditions;
    }

    private static Condition term(String term, String name, String argument) {
        switch (name) {
            case "has":
                return new Condition.RequestHasGroup(single(term, argument));
            case "has-primary":
                if (argument != null) {
                    throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "': has-primary takes no argument");
                }
                return new Condition.RequestHasPrimaryProcedure();
            case "all-dx-in":
                return new Condition.DiagnosesAllIn(new LinkedHashSet<>(groups(term, argument)));
            case "earlier":
                return new Condition.EarlierLineInGroup(single(term, argument));
            default:
                throw new IllegalArgumentException("unknown condition '" + Quoted.prefix(name) + "' in '" + Quoted.prefix(term) + "' (expected " + SYNTAX + ")");
        }
    }

    private static String single(String term, String argument) {
        List<String> groups = groups(term, argument);
        if (groups.size() != 1) {
            throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "' takes exactly one group");
        }
        return groups.get(0);
    }

    private static List<String> groups(String term, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "' needs a group in parentheses");
        }
        List<String> groups = new ArrayList<>();
        for (String g : Arrays.asList(argument.split(","))) {
            if (g.isBlank()) {
                throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "' has an empty group name");
            }
            groups.add(g.strip());
        }
        return groups;
    }
}
