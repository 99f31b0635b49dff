package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconFormatTest {

    static List<LexiconEntry> read(String text) {
        return LexiconFormat.read("test.tsv", new BufferedReader(new StringReader(text)));
    }

    @Test
    void readsEveryRoleWithItsColumns() {
        List<LexiconEntry> entries = read("""
                \uFEFF# a comment starting with a byte-order mark

                expensive\tTERM\tPRICE\t-1
                free shipping\tTERM\tPRICE,DELIVERY\t1
                on time\tTERM\tDELIVERY\t1\t-1
                deliver*\tTERM\tDELIVERY
                not\tNEGATOR
                very\tINTENSIFIER\t-\t1.5
                but\tCONTRAST
                貴\tVARIANT\t贵
                """);
        assertThat(entries).hasSize(8);
        assertThat(entries.get(0)).isEqualTo(new LexiconEntry("expensive", false, LexiconRole.TERM,
                Set.of(FeedbackTopic.PRICE), -1, null, null, "test.tsv:3"));
        assertThat(entries.get(1).topics()).containsExactlyInAnyOrder(FeedbackTopic.PRICE, FeedbackTopic.DELIVERY);
        assertThat(entries.get(2).negatedWeight()).isEqualTo(-1.0);
        assertThat(entries.get(3).prefix()).isTrue();
        assertThat(entries.get(3).term()).isEqualTo("deliver");
        assertThat(entries.get(3).weight()).isZero();
        assertThat(entries.get(4).role()).isEqualTo(LexiconRole.NEGATOR);
        assertThat(entries.get(5).weight()).isEqualTo(1.5);
        assertThat(entries.get(6).role()).isEqualTo(LexiconRole.CONTRAST);
        assertThat(entries.get(7).replacement()).isEqualTo("贵");
    }

    @Test
    void namesTheFileAndLineOfAMistake() {
        assertThatThrownBy(() -> read("good\tTERM\t-\t1\nbad\tTERM\tCOLOUR\t-1\n"))
                .isInstanceOf(LexiconFormatException.class).hasMessageContaining("test.tsv:2")
                .hasMessageContaining("COLOUR");
        assertThatThrownBy(() -> read("good\tOPINION\n")).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> read("good\n")).hasMessageContaining("role is missing");
        assertThatThrownBy(() -> read("good\tTERM\t-\tlots\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> read("very\tINTENSIFIER\n")).hasMessageContaining("positive multiplier");
        assertThatThrownBy(() -> read("價格\tVARIANT\t价格\n")).hasMessageContaining("one character");
        assertThatThrownBy(() -> read("\tTERM\n")).hasMessageContaining("term is empty");
    }
}
