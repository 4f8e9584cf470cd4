package org.coverageengine.app;

import org.coverageengine.adapter.web.WebAccess;
import org.coverageengine.adapter.web.WebLogin;
import picocli.CommandLine.Option;

/** The serve options for the web pages' person-facing login. */
final class WebOptions {

    @Option(names = "--web-auth", defaultValue = "none", paramLabel = "none|basic",
            description = "Login for the web pages at /: none, or basic (HTTP Basic against --web-users). Required to see /determinations "
                    + "(default: ${DEFAULT-VALUE}).")
    String webAuth;

    @Option(names = "--web-users", paramLabel = "FILE",
            description = "Users of --web-auth basic: one name:pbkdf2-sha256:iterations:salt:hash line each (make one with 'web-user NAME').")
    java.nio.file.Path webUsers;

    /**
     * The pages' access rule from --web-auth, or a message saying why the options are wrong. When the FHIR endpoint
     * requires bearer tokens (machineAuthOn), the pages answer on loopback only unless they have a login.
     */
    Object access(boolean machineAuthOn) {
        switch (webAuth.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "none":
                return webUsers == null ? new WebAccess(machineAuthOn, null) : "--web-users is given but --web-auth is none";
            case "basic":
                if (webUsers == null) {
                    return "--web-auth basic needs --web-users FILE";
                }
                try {
                    return new WebAccess(machineAuthOn, WebLogin.fromFile(webUsers));
                } catch (java.io.IOException e) {
                    return "--web-users " + webUsers + " cannot be read: " + e.getMessage();
                } catch (IllegalArgumentException e) {
                    return "--web-users: " + e.getMessage();
                }
            default:
                return "--web-auth must be none or basic, was '" + webAuth + "'";
        }
    }
}
