package io.segstream.contracts;

import com.networknt.schema.Error;
import io.segstream.contracts.registry.Contracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden example under contracts/examples validates against its schema and survives a trip through its record
 * and ContractJson unchanged: what the schema promises, the records read and write.
 */
class GoldenExamplesTest {

    static List<Path> examples() {
        return ContractFiles.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsSchema(Path example) {
        EventContract<?> contract = ContractFiles.contractOf(example);
        JsonNode payload = ContractJson.mapper().readTree(ContractFiles.bytes(example));

        List<Error> errors = ContractFiles.schema(contract).validate(payload);

        assertThat(errors).as(example.getFileName() + " against " + contract.schemaResource()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripsThroughItsRecordUnchanged(Path example) {
        EventContract<?> contract = ContractFiles.contractOf(example);
        byte[] original = ContractFiles.bytes(example);

        Object record = ContractJson.mapper().readValue(original, contract.payloadType());
        byte[] written = ContractJson.mapper().writeValueAsBytes(record);

        // Trees, not strings: property order and white space are not part of the contract.
        assertThat(ContractJson.mapper().readTree(written)).isEqualTo(ContractJson.mapper().readTree(original));
        assertThat(ContractJson.mapper().readValue(written, contract.payloadType())).isEqualTo(record);
        assertThat(ContractFiles.schema(contract).validate(ContractJson.mapper().readTree(written))).isEmpty();
    }

    @Test
    void everyContractHasAGoldenExample() {
        Set<EventContract<?>> illustrated = examples().stream()
                .map(ContractFiles::contractOf)
                .collect(Collectors.toSet());

        assertThat(illustrated).containsExactlyInAnyOrderElementsOf(Contracts.ALL);
    }

    @Test
    void refundsAndAudienceChangesHaveTheirOwnExamples() {
        assertThat(examples()).extracting(path -> path.getFileName().toString())
                .contains("purchase-submitted-refund.json", "segment-changed-audience.json");
    }

    @Test
    void everySchemaFileBelongsToAContractAndEveryContractHasOne() {
        Set<String> files = ContractFiles.schemaFiles().stream()
                .map(path -> path.getFileName().toString())
                .collect(Collectors.toSet());

        assertThat(files).containsExactlyInAnyOrderElementsOf(
                Contracts.ALL.stream().map(EventContract::schemaResource).toList());
    }
}
