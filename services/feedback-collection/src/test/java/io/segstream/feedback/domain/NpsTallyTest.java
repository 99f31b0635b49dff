package io.segstream.feedback.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NpsTallyTest {
    @Test
    void npsIsPromotersMinusDetractorsInPercentOfResponses() {
        assertThat(new NpsTally(3, 2, 2).nps()).isEqualByComparingTo("14.3");
        assertThat(new NpsTally(0, 1, 1).nps()).isEqualByComparingTo("-50.0");
        assertThat(new NpsTally(1, 0, 0).nps()).isEqualByComparingTo("100.0");
        assertThat(new NpsTally(1, 1, 1).nps()).isEqualByComparingTo("0.0");
        assertThat(NpsTally.NONE.nps()).isNull();
    }

    @Test
    void talliesAdd() {
        NpsTally tally = NpsTally.NONE.plus(NpsCategory.PROMOTER, 2).plus(NpsCategory.PASSIVE, 1)
                .plus(NpsCategory.DETRACTOR, 4).plus(new NpsTally(1, 1, 1));
        assertThat(tally).isEqualTo(new NpsTally(3, 2, 5));
        assertThat(tally.responses()).isEqualTo(10);
    }
}
