package io.segstream.contracts.schemas;

import io.segstream.contracts.ContractFiles;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.Ids;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.purchase.PurchaseLimits;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A limit is set once, in the records' constraints (which name the constants of Ids, PurchaseLimits and
 * FeedbackLimits), and the build writes it into the schemas: the committed schemas carry the records' limits, a
 * stale value in a schema is replaced with one line changed, and a changed limit changes what both the schema and
 * Bean Validation accept.
 */
class SchemaLimitsTest {
    static final List<EventContract<?>> CONTRACTS = Contracts.ALL;
    private static final Path SOURCES = Path.of("src/main/resources/contracts/schemas");
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    /** PurchaseSubmitted's storeId as it would be with its limit changed to 3 characters. */
    record StoreIdOfThree(@Size(max = 3) String storeId) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void theSchemasCarryTheRecordsLimits(EventContract<?> contract) {
        String packaged = text(ContractFiles.directory(ContractFiles.SCHEMAS).resolve(contract.schemaResource()));
        String committed = text(SOURCES.resolve(contract.schemaResource()));

        assertThat(SchemaLimits.rewrite(contract.payloadType(), packaged, contract.schemaResource()))
                .isEqualTo(packaged);
        assertThat(committed).as("the committed file is what the build packages").isEqualTo(packaged);
    }

    @Test
    void aStaleLimitInASchemaIsReplacedByTheConstantAndNothingElseChanges() {
        String committed = text(SOURCES.resolve(Contracts.PURCHASE_SUBMITTED.schemaResource()));
        String stale = committed.replace("\"maxItems\": " + PurchaseLimits.MAX_ITEMS, "\"maxItems\": 7");
        assertThat(stale).isNotEqualTo(committed);

        assertThat(SchemaLimits.rewrite(PurchaseSubmitted.class, stale, "stale")).isEqualTo(committed);
    }

    @Test
    void aStalePatternIsReplacedByTheConstantsPattern() {
        String committed = text(SOURCES.resolve(Contracts.CUSTOMER_ERASURE_REQUESTED.schemaResource()));
        String asWritten = "\"^" + Ids.PATTERN.replace("\\", "\\\\") + "$\"";
        assertThat(committed).contains(asWritten);
        String stale = committed.replace(asWritten, "\"^[A-Za-z0-9\\\\-]{1,9}$\"");

        assertThat(SchemaLimits.rewrite(Contracts.CUSTOMER_ERASURE_REQUESTED.payloadType(), stale, "stale"))
                .isEqualTo(committed);
    }

    @Test
    void scoreRangesComeFromTheFeedbackKinds() {
        String committed = text(SOURCES.resolve(Contracts.FEEDBACK_SUBMITTED.schemaResource()));
        String stale = committed.replace("\"minimum\": " + FeedbackKind.NPS_SURVEY.minScore() + ", \"maximum\": "
                + FeedbackKind.NPS_SURVEY.maxScore(), "\"minimum\": 1, \"maximum\": 9");
        assertThat(stale).isNotEqualTo(committed);

        assertThat(SchemaLimits.rewrite(FeedbackSubmitted.class, stale, "stale")).isEqualTo(committed);
    }

    @Test
    void aChangedLimitChangesWhatTheSchemaAndTheRecordAccept() {
        EventContract<?> contract = Contracts.PURCHASE_SUBMITTED;
        String committed = text(SOURCES.resolve(contract.schemaResource()));
        JsonNode example = ContractJson.mapper().readTree(
                text(ContractFiles.directory(ContractFiles.EXAMPLES).resolve("purchase-submitted.json")));
        String storeId = example.get("storeId").asString();
        assertThat(storeId).hasSizeGreaterThan(3).hasSizeLessThanOrEqualTo(PurchaseLimits.MAX_STORE_ID_LENGTH);

        String changed = SchemaLimits.rewrite(StoreIdOfThree.class, committed, "changed");

        assertThat(changed.lines().filter(line -> !committed.lines().toList().contains(line)).toList())
                .containsExactly("      \"maxLength\": 3,");
        assertThat(ContractFiles.schemaOf(ContractJson.mapper().readTree(committed)).validate(example)).isEmpty();
        assertThat(ContractFiles.schemaOf(ContractJson.mapper().readTree(changed)).validate(example)).isNotEmpty();
        assertThat(VALIDATOR.validate(new StoreIdOfThree(storeId))).hasSize(1);
    }

    @Test
    void aConstraintWhoseKeywordTheSchemaLacksIsReportedNotGuessed() {
        String schema = """
                {
                  "type": "object",
                  "properties": {
                    "storeId": { "type": ["string", "null"] }
                  }
                }
                """;

        assertThatThrownBy(() -> SchemaLimits.rewrite(StoreIdOfThree.class, schema, "bare.schema.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bare.schema.json")
                .hasMessageContaining("maxLength")
                .hasMessageContaining("/properties/storeId");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
