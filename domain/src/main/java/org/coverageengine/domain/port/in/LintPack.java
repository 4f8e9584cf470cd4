package org.coverageengine.domain.port.in;

import java.util.List;
import org.coverageengine.domain.authoring.LintFinding;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.CodeCatalog;

/** Use case: what in these policies is probably an author's mistake? */
public interface LintPack {

    /**
     * The findings for the policy versions, judged against the catalog (codes are checked only in systems the
     * catalog declares complete on the date, so a pack linted without official code files gets no code findings).
     */
    List<LintFinding> lint(List<Policy> policies, CodeCatalog catalog);
}
