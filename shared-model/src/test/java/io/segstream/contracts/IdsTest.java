package io.segstream.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void validIdsFollowTheSyntaxAndNothingElseDoes() {
        assertThat(Ids.isValid("C-10023")).isTrue();
        assertThat(Ids.isValid("a.b_c:d@e-f")).isTrue();
        assertThat(Ids.isValid("x".repeat(128))).isTrue();
        assertThat(Ids.isValid("x".repeat(129))).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid("-leading")).isFalse();
        assertThat(Ids.isValid("a b")).isFalse();
        assertThat(Ids.isValid("a/b")).isFalse();
        assertThat(Ids.isValid("a\nb")).isFalse();
    }
}
