package io.segstream.segmentation;

import io.segstream.embedded.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The one application context of this module's integration tests: every *IT extends this class unchanged, so
 * Spring caches and shares one context (one segmentation stream; two contexts would split the partitions between
 * them). The stream's state lives in a directory of this test run; the broker is the test run's too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SegmentationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("segmentation-it"));
        registry.add("spring.kafka.streams.state-dir", SegmentationIntegrationTest::stateDirectory);
    }

    private static String stateDirectory() {
        try {
            return Files.createTempDirectory("segmentation-it-state-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
