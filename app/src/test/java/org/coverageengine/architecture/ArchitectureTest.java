package org.coverageengine.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of docs/architecture.md, checked on every production class of every module. */
@AnalyzeClasses(packages = "org.coverageengine", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.DOMAIN_IS_PURE;

    @ArchTest
    static final ArchRule domainDoesNoIo = ArchitectureRules.DOMAIN_DOES_NO_IO;

    @ArchTest
    static final ArchRule csvAdapterDoesNotUseFhir = ArchitectureRules.CSV_DOES_NOT_USE_FHIR;

    @ArchTest
    static final ArchRule fhirAdapterDoesNotUseCsv = ArchitectureRules.FHIR_DOES_NOT_USE_CSV;

    @ArchTest
    static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule outboundPortsAreImplementedOutsideTheDomain = ArchitectureRules.OUTBOUND_PORTS_IMPLEMENTED_OUTSIDE_THE_DOMAIN;

    @ArchTest
    static final ArchRule rulePartsAreSealed = ArchitectureRules.RULE_PARTS_ARE_SEALED;

    @ArchTest
    static final ArchRule nothingDependsOnApp = ArchitectureRules.NOTHING_DEPENDS_ON_APP;

    @ArchTest
    static final ArchRule noCycles = ArchitectureRules.NO_CYCLES;

    @ArchTest
    static final ArchRule noVagueNames = ArchitectureRules.NO_VAGUE_NAMES;

    @ArchTest
    static final ArchRule portsAreInterfaces = ArchitectureRules.PORTS_ARE_INTERFACES;

    @ArchTest
    static final ArchRule noJavaUtilLogging = ArchitectureRules.NO_JUL;

    @ArchTest
    static final ArchRule noGenericExceptions = ArchitectureRules.NO_GENERIC_EXCEPTIONS;
}
