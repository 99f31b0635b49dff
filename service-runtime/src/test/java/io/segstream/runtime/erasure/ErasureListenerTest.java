package io.segstream.runtime.erasure;

import io.segstream.contracts.erasure.CustomerErasureRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureListenerTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCompleteRequestIsValidAndEachMissingPartIsNamed() {
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e-1", "C-1", AT, "admin", "/s"))).isNull();
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e-1", "", AT, "admin", "/s")))
                .contains("customerId");
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e 1", "C-1", AT, "admin", "/s")))
                .contains("eventId");
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e-1", "C-1", null, "admin", "/s")))
                .contains("requestedAt");
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e-1", "C-1", AT, " ", "/s")))
                .contains("requestedBy");
        assertThat(ErasureListener.problem(new CustomerErasureRequested("e-1", "C-1", AT, "admin", null)))
                .contains("source");
    }

}
