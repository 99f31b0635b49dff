package io.segstream.contracts;

import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.segment.SegmentChanged;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The Bean Validation constraints on the records: golden examples pass, typical mistakes are named by field. */
class ValidationConstraintsTest {
    // No Jakarta EL implementation is on the classpath: interpolate messages from parameters only.
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static List<Path> examples() {
        return ContractFiles.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void goldenExamplesHaveNoViolations(Path example) {
        Object record = ContractJson.mapper().readValue(ContractFiles.bytes(example),
                ContractFiles.contractOf(example).payloadType());

        assertThat(VALIDATOR.validate(record)).isEmpty();
    }

    static Stream<Arguments> invalidPurchases() {
        PurchaseSubmitted valid = example("purchase-submitted", PurchaseSubmitted.class);
        LineItem line = valid.items().get(0);
        return Stream.of(
                arguments("blank customerId", with(valid, "customerId", " "), Set.of("customerId")),
                arguments("customerId with a slash", with(valid, "customerId", "C/10023"), Set.of("customerId")),
                arguments("eventId over 128 characters", with(valid, "eventId", "E".repeat(129)), Set.of("eventId")),
                arguments("no type", with(valid, "type", null), Set.of("type")),
                arguments("no occurredAt", with(valid, "occurredAt", null), Set.of("occurredAt")),
                arguments("no channel", with(valid, "channel", null), Set.of("channel")),
                arguments("lower-case currency", with(valid, "currency", "cny"), Set.of("currency")),
                arguments("no totalAmount", with(valid, "totalAmount", null), Set.of("totalAmount")),
                arguments("no items", with(valid, "items", List.of()), Set.of("items")),
                arguments("501 items", with(valid, "items", Collections.nCopies(501, line)), Set.of("items")),
                arguments("a null line", with(valid, "items", Arrays.asList(line, null)), Set.of("items[1].<list element>")),
                arguments("a line of zero units", with(valid, "items", List.of(with(line, "quantity", 0))),
                        Set.of("items[0].quantity")),
                arguments("a line without SKU or price",
                        with(valid, "items", List.of(with(with(line, "sku", ""), "unitPrice", null))),
                        Set.of("items[0].sku", "items[0].unitPrice")),
                arguments("storeId over 64 characters", with(valid, "storeId", "S".repeat(65)), Set.of("storeId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPurchases")
    void invalidPurchasesAreNamedByField(String mistake, PurchaseSubmitted purchase, Set<String> fields) {
        assertThat(paths(VALIDATOR.validate(purchase))).as(mistake).isEqualTo(fields);
    }

    static Stream<Arguments> invalidFeedback() {
        FeedbackSubmitted valid = example("feedback-submitted", FeedbackSubmitted.class);
        List<FeedbackTopic> sevenTopics = new ArrayList<>(List.of(FeedbackTopic.values()));
        sevenTopics.add(FeedbackTopic.OTHER);
        return Stream.of(
                arguments("no kind", with(valid, "kind", null), Set.of("kind")),
                arguments("no customerId", with(valid, "customerId", null), Set.of("customerId")),
                arguments("eventId with a space", with(valid, "eventId", "survey 42"), Set.of("eventId")),
                arguments("no occurredAt", with(valid, "occurredAt", null), Set.of("occurredAt")),
                arguments("text over 4000 characters", with(valid, "text", "x".repeat(4001)), Set.of("text")),
                arguments("seven topics", with(valid, "topics", sevenTopics), Set.of("topics")),
                arguments("a null topic", with(valid, "topics", Arrays.asList(FeedbackTopic.PRICE, null)),
                        Set.of("topics[1].<list element>")),
                arguments("referredCustomerId over 128 characters",
                        with(valid, "referredCustomerId", "C".repeat(129)), Set.of("referredCustomerId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFeedback")
    void invalidFeedbackIsNamedByField(String mistake, FeedbackSubmitted feedback, Set<String> fields) {
        assertThat(paths(VALIDATOR.validate(feedback))).as(mistake).isEqualTo(fields);
    }

    @Test
    void optionalFeedbackFieldsMayBeLeftOut() {
        FeedbackSubmitted minimal = new FeedbackSubmitted("E-1", io.segstream.contracts.feedback.FeedbackKind.REVIEW,
                "C-1", java.time.Instant.parse("2026-11-21T10:00:00Z"), null, null, null, null, null, null, null,
                null);

        assertThat(VALIDATOR.validate(minimal)).isEmpty();
    }

    @Test
    void eventsSegstreamWritesCarryTheirConstraintsToo() {
        SegmentChanged change = example("segment-changed", SegmentChanged.class);
        ChurnAlertChanged alert = example("churn-alert", ChurnAlertChanged.class);
        CustomerErasureRequested erasure = example("customer-erasure-requested", CustomerErasureRequested.class);

        assertThat(paths(VALIDATOR.validate(with(change, "definitionVersion", 0L)))).containsExactly("definitionVersion");
        assertThat(paths(VALIDATOR.validate(with(change, "profile", null)))).containsExactly("profile");
        assertThat(paths(VALIDATOR.validate(with(alert, "riskScore", 1.5)))).containsExactly("riskScore");
        assertThat(paths(VALIDATOR.validate(with(alert, "reasons", null)))).containsExactly("reasons");
        assertThat(paths(VALIDATOR.validate(with(erasure, "customerId", "../C-1")))).containsExactly("customerId");
        assertThat(paths(VALIDATOR.validate(with(erasure, "requestedBy", " ")))).containsExactly("requestedBy");
    }

    private static Set<String> paths(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    private static <T> T example(String name, Class<T> type) {
        Path file = ContractFiles.directory(ContractFiles.EXAMPLES).resolve(name + ".json");
        return ContractJson.mapper().readValue(ContractFiles.bytes(file), type);
    }

    /** A copy of a record with one component replaced: records have no withers. */
    @SuppressWarnings("unchecked")
    static <T> T with(T record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean replaced = components[i].getName().equals(component);
                found |= replaced;
                values[i] = replaced ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component);
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (T) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
