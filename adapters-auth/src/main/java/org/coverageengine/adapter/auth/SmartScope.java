package org.coverageengine.adapter.auth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART resource scope ({@code system/CoverageEligibilityRequest.c}, {@code system/*.read}), parsed.
 *
 * @param context       {@code system}, {@code user} or {@code patient}
 * @param resourceType  a FHIR resource type, or {@code *} for every type
 * @param permissions   what the scope allows on that type
 * @param constrained   true when the scope narrows itself with a {@code ?...} query, which this server cannot honour
 */
public record SmartScope(String context, String resourceType, Set<ScopePermission> permissions, boolean constrained) {

    /** The resource type that stands for every type. */
    public static final String ANY_TYPE = "*";

    // v2 permissions must appear in cruds order, each at most once; v1 spells read, write or *.
    private static final Pattern SHAPE = Pattern.compile(
            "(patient|user|system)/(\\*|[A-Z][A-Za-z]{0,63})\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?");

    public SmartScope {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** Parses one scope; anything that is not a well-formed SMART v1 or v2 resource scope gives empty. */
    public static Optional<SmartScope> parse(String scope) {
        Matcher m = SHAPE.matcher(scope);
        if (!m.matches() || m.group(3).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmartScope(m.group(1), m.group(2), permissionsOf(m.group(3)), m.group(4) != null));
    }

    /** Whether this scope, held by a backend client, grants these permissions on this resource type by itself. */
    public boolean grantsOn(String type) {
        return "system".equals(context) && !constrained
                && (ANY_TYPE.equals(resourceType) || resourceType.equals(type));
    }

    private static Set<ScopePermission> permissionsOf(String spelled) {
        switch (spelled) {
            case "read":
                return EnumSet.of(ScopePermission.READ, ScopePermission.SEARCH);
            case "write":
                return EnumSet.of(ScopePermission.CREATE, ScopePermission.UPDATE, ScopePermission.DELETE);
            case "*":
                return EnumSet.allOf(ScopePermission.class);
            default:
                EnumSet<ScopePermission> permissions = EnumSet.noneOf(ScopePermission.class);
                for (ScopePermission p : ScopePermission.values()) {
                    if (spelled.indexOf(p.letter()) >= 0) {
                        permissions.add(p);
                    }
                }
                return permissions;
        }
    }
}
