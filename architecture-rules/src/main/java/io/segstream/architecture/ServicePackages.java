package io.segstream.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import java.util.List;
import java.util.Optional;

/** Which service a class belongs to and in which of its role packages (domain, store, web, ...) it sits. */
final class ServicePackages {
    /**
     * Root packages of the deployables under {@code io.segstream}: the four services and local-stack, which runs them
     * and must treat them as a customer would.
     */
    static final List<String> SERVICES = List.of("purchases", "feedback", "segmentation", "churn", "localstack");

    /** A service's packages that adapt it to Spring, Kafka, MongoDB and HTTP: nobody outside it may link them. */
    static final List<String> ADAPTER_ROLES = List.of("store", "messaging", "stream", "web", "config");

    private static final String ROOT = "io.segstream.";
    private static final String CONFIG = "config";

    static final DescribedPredicate<JavaClass> IN_A_SERVICE = DescribedPredicate.describe(
            "reside in a service or local-stack (io.segstream." + String.join("|", SERVICES) + ")",
            type -> serviceOf(type).isPresent());

    static final DescribedPredicate<JavaClass> IN_A_SERVICE_CONFIG = DescribedPredicate.describe(
            "reside in a service's config package", type -> serviceOf(type).isPresent() && CONFIG.equals(roleOf(type)));

    static final DescribedPredicate<JavaClass> IN_DOMAIN_STORE_OR_STREAM = DescribedPredicate.describe(
            "reside in a service's domain, store or stream package",
            type -> serviceOf(type).isPresent() && List.of("domain", "store", "stream").contains(roleOf(type)));

    private ServicePackages() {
    }

    /** The service whose root package holds {@code type}, if any. */
    static Optional<String> serviceOf(JavaClass type) {
        String pkg = type.getBaseComponentType().getPackageName();
        return SERVICES.stream()
                .filter(service -> pkg.equals(ROOT + service) || pkg.startsWith(ROOT + service + "."))
                .findFirst();
    }

    /** The first package under the service's root ({@code domain}, {@code store}, ...), empty at the root itself. */
    static String roleOf(JavaClass type) {
        String pkg = type.getBaseComponentType().getPackageName();
        return serviceOf(type).map(service -> {
            String rest = pkg.substring((ROOT + service).length());
            if (rest.isEmpty()) {
                return "";
            }
            int end = rest.indexOf('.', 1);
            return end < 0 ? rest.substring(1) : rest.substring(1, end);
        }).orElse("");
    }
}
