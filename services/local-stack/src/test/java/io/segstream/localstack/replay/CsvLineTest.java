package io.segstream.localstack.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTest {
    @Test
    void splitsOnCommas() {
        assertThat(CsvLine.parse("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6"))
                .containsExactly("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6");
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertThat(CsvLine.parse("1,\"SET 2, TEA TOWELS\",\"a \"\"quote\"\"\",x"))
                .containsExactly("1", "SET 2, TEA TOWELS", "a \"quote\"", "x");
    }

    @Test
    void emptyFieldsAreKept() {
        assertThat(CsvLine.parse("a,,c,")).containsExactly("a", "", "c", "");
    }

    @Test
    void anUnclosedQuoteIsUnreadable() {
        assertThat(CsvLine.parse("1,\"open,2")).isNull();
    }
}
