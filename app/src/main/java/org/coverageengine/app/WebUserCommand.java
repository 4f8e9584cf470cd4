package org.coverageengine.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.coverageengine.adapter.web.WebLogin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** web-user: a line for the --web-users file, with the password read from the terminal (not echoed) or standard input. */
@Command(name = "web-user", mixinStandardHelpOptions = true,
        description = "Print a --web-users line (PBKDF2-HMAC-SHA256) for NAME; the password is read without echo, or from standard input.")
final class WebUserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The user name.")
    String name;

    @Override
    public Integer call() throws Exception {
        char[] password;
        if (System.console() != null) {
            password = System.console().readPassword("Password for %s: ", name);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 12) {
            spec.commandLine().getErr().println("A password of at least 12 characters is required.");
            return ExitCodes.USAGE;
        }
        try {
            spec.commandLine().getOut().println(WebLogin.line(name, password));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            java.util.Arrays.fill(password, ' ');
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
