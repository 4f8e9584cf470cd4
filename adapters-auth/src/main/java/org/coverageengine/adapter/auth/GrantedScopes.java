package org.coverageengine.adapter.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The SMART resource scopes an access token carries; scopes that are not resource scopes are left out. */
public record GrantedScopes(List<SmartScope> scopes) {

    /** A token with no resource scope. */
    public static final GrantedScopes NONE = new GrantedScopes(List.of());

    public GrantedScopes {
        scopes = List.copyOf(scopes);
    }

    /** Reads a space-separated {@code scope} value (RFC 6749 section 3.3); null gives no scopes. */
    public static GrantedScopes parse(String spaceSeparated) {
        return spaceSeparated == null ? NONE : of(List.of(spaceSeparated.split(" ")));
    }

    /** Reads scopes given one per element (an {@code scp} array). */
    public static GrantedScopes of(Collection<String> each) {
        List<SmartScope> parsed = new ArrayList<>();
        for (String s : each) {
            if (s != null) {
                SmartScope.parse(s).ifPresent(parsed::add);
            }
        }
        return new GrantedScopes(parsed);
    }

    /** Whether these scopes together give every permission the request needs; SMART scopes add up. */
    public boolean grant(RequiredAccess required) {
        Set<ScopePermission> held = EnumSet.noneOf(ScopePermission.class);
        for (SmartScope scope : scopes) {
            if (scope.grantsOn(required.resourceType())) {
                held.addAll(scope.permissions());
            }
        }
        return held.containsAll(required.permissions());
    }

}
