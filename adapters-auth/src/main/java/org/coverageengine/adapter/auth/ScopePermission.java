package org.coverageengine.adapter.auth;

/** One of SMART v2's five resource permissions, in the order scopes must list them ({@code cruds}). */
public enum ScopePermission {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    ScopePermission(char letter) {
        this.letter = letter;
    }

    /** The letter this permission has in a SMART v2 scope. */
    public char letter() {
        return letter;
    }
}
