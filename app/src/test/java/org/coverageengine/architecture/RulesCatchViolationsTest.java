package org.coverageengine.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.coverageengine.adapter.fhir.broken.FhirReadingPacks;
import org.coverageengine.domain.broken.CatalogInTheDomain;
import org.coverageengine.domain.broken.LeakyPolicyImpl;
import org.coverageengine.domain.policy.broken.OpenRulePart;
import org.junit.jupiter.api.Test;

/** The rules are not vacuous: each fails on a deliberately broken class kept in the test sources. */
class RulesCatchViolationsTest {

    static final JavaClasses BROKEN = new ClassFileImporter().importClasses(LeakyPolicyImpl.class, CatalogInTheDomain.class,
            OpenRulePart.class, FhirReadingPacks.class);

    static void fails(ArchRule rule, String expectedText) {
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(BROKEN));
        assertTrue(error.getMessage().contains(expectedText), error.getMessage());
    }

    @Test
    void hapiInTheDomainIsCaught() {
        fails(ArchitectureRules.DOMAIN_IS_PURE, "ca.uhn.fhir.context.FhirContext");
    }

    @Test
    void fileIoInTheDomainIsCaught() {
        fails(ArchitectureRules.DOMAIN_DOES_NO_IO, "java.nio.file.Files");
    }

    @Test
    void implNamesAreCaught() {
        fails(ArchitectureRules.NO_VAGUE_NAMES, "LeakyPolicyImpl");
    }

    @Test
    void genericExceptionsAreCaught() {
        fails(ArchitectureRules.NO_GENERIC_EXCEPTIONS, "LeakyPolicyImpl");
    }

    @Test
    void anAdapterUsingAnotherIsCaught() {
        fails(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, "FhirReadingPacks");
    }

    @Test
    void aPortImplementedInTheDomainIsCaught() {
        fails(ArchitectureRules.OUTBOUND_PORTS_IMPLEMENTED_OUTSIDE_THE_DOMAIN, "CatalogInTheDomain");
    }

    @Test
    void anUnsealedRulePartIsCaught() {
        fails(ArchitectureRules.RULE_PARTS_ARE_SEALED, "OpenRulePart is not sealed");
    }
}
