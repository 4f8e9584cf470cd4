package org.coverageengine.adapter.cdshooks;

/**
 * A hook call this service refuses, with the HTTP status CDS Hooks and CRD give it (400, 401, 404, 412, 422), where
 * in the request the problem is, and what is wrong; answered as an OperationOutcome.
 */
final class HookFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String where;

    HookFailure(int status, String where, String what) {
        super(what, null, false, false);
        this.status = status;
        this.where = where;
    }

    static HookFailure badRequest(String where, String what) {
        return new HookFailure(400, where, what);
    }

    static HookFailure unprocessable(String where, String what) {
        return new HookFailure(422, where, what);
    }

    static HookFailure preconditionFailed(String where, String what) {
        return new HookFailure(412, where, what);
    }

    int status() {
        return status;
    }

    String where() {
        return where;
    }
}
