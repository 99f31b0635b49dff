package io.segstream.segmentation;

import io.segstream.embedded.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of this module's integration tests: every *IT extends this class unchanged, so
 * Spring caches and shares one context (one consumer in group "segmentation"; two contexts would split the topic's
 * partitions between them). The scheduled change relay, RFM refresh and sweep are off: tests call them directly, so
 * that no background pass adds changes in the middle of a test. Re-evaluation pages and sweep batches are small, so that a
 * re-evaluation or a sweep over the tests' customers runs many of them, several at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"segstream.segmentation.change-relay.enabled=false",
                "segstream.segmentation.rfm.refresh-enabled=false", "segstream.segmentation.sweep.enabled=false",
                "segstream.segmentation.redefinition.page-size=7",
                "segstream.segmentation.redefinition.parallel-pages=3",
                "segstream.segmentation.sweep.batch-size=4", "segstream.segmentation.sweep.parallel-batches=3"})
public abstract class SegmentationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("segmentation-it"));
    }
}
