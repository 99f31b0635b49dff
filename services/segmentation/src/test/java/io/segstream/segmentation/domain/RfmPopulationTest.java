package io.segstream.segmentation.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFM scores as mid-rank quintiles of the population: ties, tiny populations, a single customer, refunds. */
class RfmPopulationTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static ProfileFigures customer(int recencyDays, long orders, String monetary) {
        return new ProfileFigures(NOW, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(recencyDays)),
                recencyDays, orders, 0, new BigDecimal(monetary), Math.max(1, orders));
    }

    @Test
    void fiveDistinctCustomersGetOneScoreEachFromOneToFive() {
        List<ProfileFigures> population = List.of(customer(1, 5, "500"), customer(10, 4, "400"),
                customer(20, 3, "300"), customer(30, 2, "200"), customer(40, 1, "100"));
        RfmPopulation rfm = RfmPopulation.of(population);

        assertThat(population).extracting(f -> rfm.score(f).code())
                .containsExactly("555", "444", "333", "222", "111");
    }

    @Test
    void aSingleCustomerAndAPopulationOfEqualsScoreInTheMiddle() {
        ProfileFigures only = customer(3, 2, "80");
        assertThat(RfmPopulation.of(List.of(only)).score(only).code()).isEqualTo("333");
        List<ProfileFigures> equals = List.of(customer(3, 2, "80"), customer(3, 2, "80"), customer(3, 2, "80"));
        assertThat(RfmPopulation.of(equals).score(equals.get(0)).code()).isEqualTo("333");
        // Nobody to compare with yet: the customer is its own population.
        assertThat(RfmPopulation.EMPTY.score(only).code()).isEqualTo("333");
    }

    @Test
    void tiesShareTheScoreOfTheirGroupsMiddle() {
        List<ProfileFigures> population = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            population.add(customer(5, 1, "10"));
        }
        population.add(customer(1, 9, "900"));
        population.add(customer(1, 9, "900"));
        RfmPopulation rfm = RfmPopulation.of(population);

        // 8 tied at the bottom: mid-rank 4 of 10 -> 3; the 2 at the top: (8 + 1) / 10 -> 5.
        assertThat(rfm.score(population.get(0)).code()).isEqualTo("333");
        assertThat(rfm.score(population.get(8)).code()).isEqualTo("555");
    }

    @Test
    void refundsTakingMonetaryToZeroRankWithTheLowest() {
        ProfileFigures refunded = customer(2, 1, "0.00");
        List<ProfileFigures> population = List.of(refunded, customer(2, 1, "50"), customer(2, 1, "60"),
                customer(2, 1, "70"), customer(2, 1, "80"));

        assertThat(RfmPopulation.of(population).score(refunded).m()).isEqualTo(1);
    }

    @Test
    void customersWhoNeverBoughtAreNeitherScoredNorCounted() {
        ProfileFigures prospect = new ProfileFigures(NOW, null, null, null, 0, 0, BigDecimal.ZERO, 0);
        RfmPopulation rfm = RfmPopulation.of(List.of(prospect, customer(1, 1, "1")));

        assertThat(rfm.size()).isEqualTo(1);
        assertThat(rfm.score(prospect)).isNull();
    }

    @Property(tries = 300)
    void scoresAreInRangeAndMonotoneInEachFigure(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 400)
            Integer> recencies, @ForAll @IntRange(min = 0, max = 59) int a, @ForAll @IntRange(min = 0, max = 59) int b) {
        List<ProfileFigures> population = new ArrayList<>();
        for (int i = 0; i < recencies.size(); i++) {
            int recency = recencies.get(i);
            population.add(customer(recency, 1 + (recency * 7L + i) % 13, String.valueOf((recency * 31 + i) % 97)));
        }
        RfmPopulation rfm = RfmPopulation.of(population);
        ProfileFigures x = population.get(a % population.size());
        ProfileFigures y = population.get(b % population.size());
        RfmScore sx = rfm.score(x);
        RfmScore sy = rfm.score(y);

        assertThat(List.of(sx.r(), sx.f(), sx.m(), sx.fm())).allSatisfy(s -> assertThat(s).isBetween(1, 5));
        if (x.recencyDays() < y.recencyDays()) {
            assertThat(sx.r()).isGreaterThanOrEqualTo(sy.r());
        }
        if (x.recencyDays().equals(y.recencyDays())) {
            assertThat(sx.r()).isEqualTo(sy.r());
        }
        if (x.orderCount() > y.orderCount()) {
            assertThat(sx.f()).isGreaterThanOrEqualTo(sy.f());
        }
        if (x.monetary().compareTo(y.monetary()) > 0) {
            assertThat(sx.m()).isGreaterThanOrEqualTo(sy.m());
        }
    }

    @Property(tries = 200)
    void distinctValuesFillTheQuintilesEvenly(@ForAll @IntRange(min = 1, max = 40) int quintileSize) {
        List<ProfileFigures> population = new ArrayList<>();
        int n = 5 * quintileSize;
        for (int i = 0; i < n; i++) {
            population.add(customer(i, i + 1, String.valueOf(i + 1)));
        }
        RfmPopulation rfm = RfmPopulation.of(population);
        int[] perScore = new int[6];
        population.forEach(f -> perScore[rfm.score(f).f()]++);

        for (int score = 1; score <= 5; score++) {
            assertThat(perScore[score]).isEqualTo(quintileSize);
        }
    }
}
