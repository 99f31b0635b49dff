package io.segstream.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Optional;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every module keeps, as ArchUnit rules. Each module's {@code ArchitectureTest} checks its own
 * production classes against the rules that concern it (docs/development.md, "Architecture rules"), so a change that
 * breaks the layout fails the build of the module it is made in.
 */
public final class SegstreamRules {
    /**
     * The business rules are plain Java: the JDK, the public contracts and the service's own domain (another
     * service's domain is refused by {@link #SERVICES_ARE_INDEPENDENT}). Apache Commons Math is the one library
     * allowed, because churn's statistical model is built on its special functions and optimiser, which are plain
     * computations without any framework or I/O.
     */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("io.segstream.*.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.segstream.contracts..", "io.segstream.*.domain..", "org.apache.commons.math3..")
            .as("domain packages depend only on the JDK, the contracts (io.segstream.contracts..), their own domain "
                    + "and Apache Commons Math")
            .because("the domain holds the business rules; ports (interfaces in the domain) reach everything else");

    /** Services (and local-stack, which runs them) meet only through topics, HTTP and documented collections. */
    public static final ArchRule SERVICES_ARE_INDEPENDENT = classes()
            .that(ServicePackages.IN_A_SERVICE)
            .should(linkNoOtherService())
            .as("services and local-stack never link another service's classes")
            .because("they meet only through the public contracts: topics, HTTP and documented collections");

    /**
     * A service's adapters are its own business: the benchmarks (and anything else outside the service) may link its
     * domain, which is plain Java, but never its store, messaging, stream, web or config packages.
     */
    public static final ArchRule ADAPTERS_STAY_INSIDE_THEIR_SERVICE = classes()
            .should(linkNoAdapterOfAnotherService())
            .as("nothing outside a service links its store, messaging, stream, web or config packages")
            .because("those packages are wired by the service's Spring context and change with its infrastructure");

    /**
     * A service's domain, store and stream code receive their settings as values through constructors; only the
     * wiring (and the components Spring builds from the typed properties) reads the service's {@code config} package.
     */
    public static final ArchRule CONFIG_STAYS_OUT_OF_DOMAIN_STORE_AND_STREAM = noClasses()
            .that(ServicePackages.IN_DOMAIN_STORE_OR_STREAM)
            .should().dependOnClassesThat(ServicePackages.IN_A_SERVICE_CONFIG)
            .as("a service's domain, store and stream packages do not use its config package")
            .because("they take their settings as values, so they can be built and tested without Spring");

    /** shared-model, embedded-infra and service-runtime are used by the services and never the other way round. */
    public static final ArchRule LIBRARIES_DO_NOT_LINK_SERVICES = noClasses()
            .that().resideInAnyPackage("io.segstream.contracts..", "io.segstream.embedded..", "io.segstream.runtime..")
            .should().dependOnClassesThat(ServicePackages.IN_A_SERVICE)
            .as("shared-model, embedded-infra and service-runtime never link a service's classes")
            .because("the services depend on them; a link back would tie every service to one of them");

    /** The contracts are what every module agrees on, so they lean on no other Segstream code. */
    public static final ArchRule CONTRACTS_STAND_ALONE = noClasses()
            .that().resideInAPackage("io.segstream.contracts..")
            .should().dependOnClassesThat(resideInAPackage("io.segstream..")
                    .and(resideOutsideOfPackage("io.segstream.contracts..")))
            .as("the contracts (io.segstream.contracts..) depend on no other Segstream package")
            .because("every module reads them, producers and consumers alike");

    /** A cycle between packages makes them one package in all but name: none may be changed or understood alone. */
    public static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices()
            .matching("io.segstream.(**)")
            .should().beFreeOfCycles()
            .as("no cycles between packages")
            .because("a package that depends on another must not be depended upon by it, directly or not");

    private SegstreamRules() {
    }

    private static ArchCondition<JavaClass> linkNoOtherService() {
        return new ArchCondition<>("link no other service's classes") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = ServicePackages.serviceOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = ServicePackages.serviceOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> linkNoAdapterOfAnotherService() {
        return new ArchCondition<>("link no store, messaging, stream, web or config class of another service") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = ServicePackages.serviceOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> service = ServicePackages.serviceOf(target);
                    if (service.isPresent() && !service.equals(own)
                            && ServicePackages.ADAPTER_ROLES.contains(ServicePackages.roleOf(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
