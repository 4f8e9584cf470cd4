package org.coverageengine.domain.port.in;

import java.util.List;
import org.coverageengine.domain.authoring.CaseResult;
import org.coverageengine.domain.authoring.PackTestCase;

/** Use case: does the loaded knowledge answer a pack's own test cases as their author expects? */
public interface TestPack {

    /** One result per case, in the order given. */
    List<CaseResult> run(List<PackTestCase> cases);
}
