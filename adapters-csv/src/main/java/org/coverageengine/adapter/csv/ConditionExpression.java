package org.coverageengine.adapter.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coverageengine.domain.determination.Sex;
import org.coverageengine.domain.policy.Condition;

/**
 * Parses a statement's {@code when} column: terms joined by {@code &}, each optionally negated with {@code !}:
 * {@code has(GROUP)}, {@code has-primary}, {@code all-dx-in(GROUP,GROUP...)}, {@code any-dx-in(...)},
 * {@code primary-dx-in(...)}, {@code no-dx-in(...)}, {@code earlier(GROUP)}, {@code age(MIN-MAX)}, {@code sex(female|male)},
 * {@code modifier(MOD,...)}, {@code place(POS,...)}.
 */
final class ConditionExpression {

    private static final Pattern TERM = Pattern.compile("(!?)\\s*([a-z-]+)\\s*(?:\\(([^()]*)\\))?");
    static final String SYNTAX = "has(GROUP), has-primary, all-dx-in(GROUP,...), any-dx-in(GROUP,...), primary-dx-in(GROUP,...), "
            + "no-dx-in(GROUP,...), earlier(GROUP), age(MIN-MAX), sex(female|male), modifier(MOD,...), place(POS,...), "
            + "each optionally negated with ! and joined with &";
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})?\\s*-\\s*(\\d{1,3})?|(\\d{1,3})");

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
            case "any-dx-in":
                return new Condition.DiagnosesAnyIn(new LinkedHashSet<>(groups(term, argument)));
            case "primary-dx-in":
                return new Condition.PrimaryDiagnosisIn(new LinkedHashSet<>(groups(term, argument)));
            case "no-dx-in":
                return new Condition.NoDiagnosisIn(new LinkedHashSet<>(groups(term, argument)));
            case "earlier":
                return new Condition.EarlierLineInGroup(single(term, argument));
            case "age":
                return age(term, argument);
            case "sex":
                return new Condition.PatientSex(Sex.parse(argument).filter(x -> x != Sex.OTHER || "other".equalsIgnoreCase(argument.strip()))
                        .orElseThrow(() -> new IllegalArgumentException("condition '" + Quoted.prefix(term)
                                + "': the sex is female, male or other")));
            case "modifier":
                return new Condition.ModifierPresent(values(term, argument, "[A-Za-z0-9]{2}", "a modifier is two letters or digits"));
            case "place":
                return new Condition.PlaceOfService(values(term, argument, "\\d{2}", "a CMS place-of-service code is two digits"));
            default:
                throw new IllegalArgumentException("unknown condition '" + Quoted.prefix(name) + "' in '" + Quoted.prefix(term) + "' (expected " + SYNTAX + ")");
        }
    }

    /** age(18-64): 18 to 64 years inclusive; age(18-) at least 18; age(-17) at most 17; age(40) exactly 40. */
    private static Condition age(String term, String argument) {
        Matcher m = argument == null ? null : AGE.matcher(argument.strip());
        if (m == null || !m.matches() || (m.group(3) == null && m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "': an age is MIN-MAX in whole years, both included "
                    + "(age(18-64), age(65-), age(-17))");
        }
        Integer atLeast = m.group(3) != null ? Integer.valueOf(m.group(3)) : m.group(1) == null ? null : Integer.valueOf(m.group(1));
        Integer atMost = m.group(3) != null ? Integer.valueOf(m.group(3)) : m.group(2) == null ? null : Integer.valueOf(m.group(2));
        if (atLeast != null && atMost != null && atLeast > atMost) {
            throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "': the lower age " + atLeast + " is above the upper " + atMost);
        }
        return new Condition.PatientAge(atLeast, atMost == null ? null : atMost + 1);
    }

    private static Set<String> values(String term, String argument, String shape, String expected) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "' needs a value in parentheses (" + expected + ")");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : groups(term, argument)) {
            if (!value.matches(shape)) {
                throw new IllegalArgumentException("condition '" + Quoted.prefix(term) + "': '" + Quoted.prefix(value) + "' is not valid (" + expected + ")");
            }
            values.add(value.toUpperCase(java.util.Locale.ROOT));
        }
        return values;
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
