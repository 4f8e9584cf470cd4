package org.coverageengine.adapter.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request needs a token's scopes to grant: permissions on one resource type ({@code *} for requests that
 * name no type, which only wildcard scopes grant).
 *
 * @param resourceType a FHIR resource type, or {@code *}
 * @param permissions  the permissions needed, all of them
 */
public record RequiredAccess(String resourceType, Set<ScopePermission> permissions) {

    /** The resource type {@code $submit} creates; SMART defines no operation scopes, so {@code $submit} is a create. */
    public static final String SUBMITTED_TYPE = "CoverageEligibilityRequest";

    private static final String SUBMIT = "$submit";
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{0,63}");
    private static final Set<ScopePermission> READ_AND_SEARCH = EnumSet.of(ScopePermission.READ, ScopePermission.SEARCH);

    public RequiredAccess {
        permissions = Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** What {@code $submit} needs. */
    public static RequiredAccess submit() {
        return new RequiredAccess(SUBMITTED_TYPE, EnumSet.of(ScopePermission.CREATE));
    }

    /**
     * What a request needs, from its method and its path below the FHIR base; empty for the open documents
     * ({@code GET metadata}, {@code GET .well-known/smart-configuration}). Every other request, OPTIONS included,
     * needs a token.
     */
    public static Optional<RequiredAccess> of(String method, String pathBelowBase) {
        List<String> segments = new ArrayList<>();
        for (String s : pathBelowBase.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        if (reads && (segments.equals(List.of("metadata"))
                || segments.equals(List.of(".well-known", "smart-configuration")))) {
            return Optional.empty();
        }
        String first = segments.isEmpty() ? "" : segments.get(0);
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if ("POST".equals(method) && SUBMIT.equals(last)
                && (segments.size() == 1 || segments.size() == 2 && SUBMITTED_TYPE.equals(first))) {
            return Optional.of(submit());
        }
        String type = RESOURCE_TYPE.matcher(first).matches() ? first : SmartScope.ANY_TYPE;
        return Optional.of(new RequiredAccess(type, permissionsFor(method, last)));
    }

    /** What a request outside the FHIR base needs: only wildcard scopes grant it. */
    public static RequiredAccess outsideBase(String method) {
        return new RequiredAccess(SmartScope.ANY_TYPE, permissionsFor(method, ""));
    }

    /** The narrowest SMART v2 scope that grants this access, as RFC 6750's {@code scope} attribute names it. */
    public String scope() {
        StringBuilder letters = new StringBuilder();
        for (ScopePermission p : ScopePermission.values()) {
            if (permissions.contains(p)) {
                letters.append(p.letter());
            }
        }
        return "system/" + resourceType + "." + letters;
    }

    private static Set<ScopePermission> permissionsFor(String method, String last) {
        switch (method) {
            case "GET":
            case "HEAD":
            case "OPTIONS":
                return READ_AND_SEARCH;
            case "POST":
                return "_search".equals(last) ? READ_AND_SEARCH : EnumSet.of(ScopePermission.CREATE);
            case "PUT":
            case "PATCH":
                return EnumSet.of(ScopePermission.UPDATE);
            case "DELETE":
                return EnumSet.of(ScopePermission.DELETE);
            default:
                // An unknown method is refused unless every permission is held.
                return EnumSet.allOf(ScopePermission.class);
        }
    }
}
