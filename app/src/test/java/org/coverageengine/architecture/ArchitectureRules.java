package org.coverageengine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering rules of docs/architecture.md as ArchUnit rules. Kept apart from the test class so that a test can
 * check each rule against deliberately broken classes and see it fail.
 */
public final class ArchitectureRules {

    public static final String DOMAIN = "org.coverageengine.domain..";
    public static final String CSV = "org.coverageengine.adapter.csv..";
    public static final String FHIR = "org.coverageengine.adapter.fhir..";
    public static final String APP = "org.coverageengine.app..";
    public static final String OUTBOUND_PORTS = "org.coverageengine.domain.port.out..";
    public static final String RULE_PARTS = "org.coverageengine.domain.policy..";

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

    /** No adapter knows another: each talks to the domain's ports only, and the app wires them. */
    public static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("org.coverageengine.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("an adapter implements the domain's ports; only the app may combine adapters");

    /** Outbound ports are the domain's needs: only adapters implement them, never the domain itself. */
    public static final ArchRule OUTBOUND_PORTS_IMPLEMENTED_OUTSIDE_THE_DOMAIN = classes()
            .that(implementAnInterfaceIn(OUTBOUND_PORTS)).and().areNotInterfaces()
            .should().resideOutsideOfPackage(DOMAIN)
            .because("a port typed on an in-domain implementation is not a real port (docs/architecture.md)");

    /** Rule parts (effects, conditions and whatever a rule is made of) are sealed, so a new kind cannot be half-added. */
    public static final ArchRule RULE_PARTS_ARE_SEALED = classes().that().resideInAPackage(RULE_PARTS).and().areInterfaces()
            .should(beSealed())
            .because("every kind of rule part must implement its own behaviour; the compiler lists the kinds");

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

    /**
     * Inbound ports are interfaces in port.in, outbound ports interfaces in port.out; the only other types there are
     * the immutable records that cross a port (a knowledge snapshot, a query's answer).
     */
    public static final ArchRule PORTS_ARE_INTERFACES = classes().that().resideInAnyPackage("org.coverageengine.domain.port.in..",
            "org.coverageengine.domain.port.out..").and().areTopLevelClasses().should().beInterfaces().orShould().beRecords();

    /** No java.util.logging. */
    public static final ArchRule NO_JUL = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** No generic exceptions thrown. */
    public static final ArchRule NO_GENERIC_EXCEPTIONS = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    private ArchitectureRules() {
    }

    private static DescribedPredicate<JavaClass> implementAnInterfaceIn(String packageIdentifier) {
        String prefix = packageIdentifier.replace("..", "");
        return DescribedPredicate.describe("implement an interface in " + packageIdentifier,
                javaClass -> javaClass.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith(prefix)));
    }

    /** ArchUnit reads class files without the PermittedSubclasses attribute, so this asks the loaded class. */
    private static ArchCondition<JavaClass> beSealed() {
        return new ArchCondition<>("be sealed") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean sealed = javaClass.reflect().isSealed();
                events.add(new SimpleConditionEvent(javaClass, sealed,
                        javaClass.getName() + (sealed ? " is" : " is not") + " sealed"));
            }
        };
    }
}
