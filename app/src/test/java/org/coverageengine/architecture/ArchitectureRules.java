package org.coverageengine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of docs/architecture.md as ArchUnit rules. Kept apart from the test class so that a test can
 * check each rule against deliberately broken classes and see it fail.
 */
public final class ArchitectureRules {

    public static final String DOMAIN = "org.coverageengine.domain..";
    public static final String CSV = "org.coverageengine.adapter.csv..";
    public static final String FHIR = "org.coverageengine.adapter.fhir..";
    public static final String APP = "org.coverageengine.app..";

    /** The domain depends only on the JDK, Guava and the jakarta.validation API. */
    public static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "com.google.common..", "jakarta.validation..")
            .because("the domain is pure: no HAPI, servlet, CSV or I/O framework types");

    /** The domain does no I/O of its own: no files, sockets or streams. */
    public static final ArchRule DOMAIN_DOES_NO_IO = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
            .because("reading files and sockets is the adapters' job");

    /** Adapters do not know each other. */
    public static final ArchRule CSV_DOES_NOT_USE_FHIR = noClasses().that().resideInAPackage(CSV)
            .should().dependOnClassesThat().resideInAnyPackage(FHIR, APP, "ca.uhn..", "org.hl7..");

    /** Adapters do not know each other. */
    public static final ArchRule FHIR_DOES_NOT_USE_CSV = noClasses().that().resideInAPackage(FHIR)
            .should().dependOnClassesThat().resideInAnyPackage(CSV, APP, "org.apache.commons.csv..");

    /** Nothing depends on the app, which wires everything. */
    public static final ArchRule NOTHING_DEPENDS_ON_APP = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP);

    /** No cycles between the packages of the project. */
    public static final ArchRule NO_CYCLES = slices().matching("org.coverageengine.(**)").should().beFreeOfCycles();

    /** Names explain themselves. */
    public static final ArchRule NO_VAGUE_NAMES = noClasses().should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Dto").orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Manager");

    /** Inbound ports are interfaces in port.in, outbound ports interfaces in port.out. */
    public static final ArchRule PORTS_ARE_INTERFACES = classes().that().resideInAnyPackage("org.coverageengine.domain.port.in..",
            "org.coverageengine.domain.port.out..").and().areTopLevelClasses().should().beInterfaces();

    /** No java.util.logging. */
    public static final ArchRule NO_JUL = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** No generic exceptions thrown. */
    public static final ArchRule NO_GENERIC_EXCEPTIONS = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    private ArchitectureRules() {
    }
}
