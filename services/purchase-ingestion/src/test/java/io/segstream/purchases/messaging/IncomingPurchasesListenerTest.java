package io.segstream.purchases.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingPurchasesListenerTest {

    @Test
    void onlyWellFormedEventIdsReachTheLog() {
        assertThat(IncomingPurchasesListener.printable("evt-2026-11-20-0001")).isEqualTo("evt-2026-11-20-0001");
        // whatever a producer put in eventId: personal data, line breaks that forge log lines, control characters
        assertThat(IncomingPurchasesListener.printable("xiaoming.wang@example.com 13800138000"))
                .isEqualTo("unreadable");
        assertThat(IncomingPurchasesListener.printable("evt\n12:00:00 INFO forged")).isEqualTo("unreadable");
        assertThat(IncomingPurchasesListener.printable("\u202Eevt")).isEqualTo("unreadable");
        assertThat(IncomingPurchasesListener.printable(null)).isEqualTo("unreadable");
    }
}
