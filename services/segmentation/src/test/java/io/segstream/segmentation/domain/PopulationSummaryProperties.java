package io.segstream.segmentation.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population as the stream keeps it (per-task summaries of counts, merged) scores every customer as a ranking of
 * every customer's own values would: recency and frequency exactly; net spend exactly unless another customer's
 * spend lies within the stated relative accuracy, and then between the scores that counting such a neighbour as
 * tied or not would give. The reference below ranks plain lists, naively.
 */
class PopulationSummaryProperties {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-20");
    private static final double ACCURACY = 0.001;
    private static final MonetaryBuckets BUCKETS = new MonetaryBuckets(ACCURACY);

    private record Buyer(int task, LocalDate lastDay, long orders, double monetary, String tier) {
        PopulationMember member() {
            return new PopulationMember(lastDay, orders, monetary, Map.of("value-tier", tier));
        }
    }

    @Property(tries = 200)
    void mergedTaskSummariesScoreAsTheWholePopulationWould(@ForAll("buyers") List<Buyer> buyers,
                                                           @ForAll("buyers") List<Buyer> leftAgain,
                                                           @ForAll @IntRange(min = 1, max = 6) int tasks) {
        List<PopulationSummary> parts = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            parts.add(new PopulationSummary(BUCKETS));
        }
        buyers.forEach(buyer -> parts.get(buyer.task() % tasks).add(buyer.member()));
        // Customers counted in and out again (erased, or an old state replaced) leave no trace.
        leftAgain.forEach(buyer -> parts.get(buyer.task() % tasks).add(buyer.member()));
        leftAgain.forEach(buyer -> parts.get(buyer.task() % tasks).remove(buyer.member()));

        PopulationSnapshot population = PopulationSummary.merge(BUCKETS, parts).snapshot(ZoneOffset.UTC);

        assertThat(population.size()).isEqualTo(buyers.size());
        assertThat(population.profiles()).isEqualTo(buyers.size());
        Map<String, Long> tiers = new TreeMap<>();
        buyers.forEach(buyer -> tiers.merge(buyer.tier(), 1L, Long::sum));
        assertThat(population.classSizes().getOrDefault("value-tier", Map.of())).isEqualTo(tiers);
        for (Buyer buyer : buyers) {
            RfmScore score = population.score(buyer.member(), AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(score.r()).isEqualTo(exactRecencyScore(buyers, buyer));
            assertThat(score.f()).isEqualTo(exactFrequencyScore(buyers, buyer));
            int[] bounds = monetaryScoreBounds(buyers, buyer.monetary());
            assertThat(score.m()).isBetween(bounds[0], bounds[1]);
            if (bounds[0] == bounds[1]) {
                assertThat(score.m()).isEqualTo(exactMonetaryScore(buyers, buyer.monetary()));
            }
        }
    }

    @Property(tries = 200)
    void spendsInOneBucketDifferByLessThanTheAccuracyAndTheOrderIsKept(
            @ForAll("spends") double one, @ForAll("spends") double other) {
        long a = BUCKETS.keyOf(one);
        long b = BUCKETS.keyOf(other);
        if (one < other) {
            assertThat(a).isLessThanOrEqualTo(b);
        }
        if (a == b) {
            assertThat(Math.abs(one - other)).isLessThanOrEqualTo(ACCURACY * Math.max(Math.abs(one), Math.abs(other)));
        }
        if (Math.abs(one) > 0 && Math.abs(other) >= Math.abs(one) * (1 + ACCURACY) * (1 + 1e-9)) {
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Provide
    Arbitrary<List<Buyer>> buyers() {
        Arbitrary<Buyer> buyer = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 400).map(AS_OF::minusDays),
                Arbitraries.longs().between(1, 30),
                spends(),
                Arbitraries.of("LOW", "MEDIUM", "HIGH")).as(Buyer::new);
        return buyer.list().ofMaxSize(60);
    }

    /** Net spends with many exact repeats and near-repeats (within and just outside the accuracy), refunds below 0. */
    @Provide
    Arbitrary<Double> spends() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 10.0, 10.005, 10.02, 99.99, 100.0, 100.05, 100.2, -25.0, 5000.0),
                Arbitraries.doubles().between(-500, 20_000).ofScale(2));
    }

    /** Mid-rank quintile over plain values: more days since the last purchase is worse. */
    private static int exactRecencyScore(List<Buyer> buyers, Buyer buyer) {
        long days = AS_OF.toEpochDay() - buyer.lastDay().toEpochDay();
        int worse = 0;
        int tied = 0;
        for (Buyer other : buyers) {
            long otherDays = AS_OF.toEpochDay() - other.lastDay().toEpochDay();
            worse += otherDays > days ? 1 : 0;
            tied += otherDays == days ? 1 : 0;
        }
        return quintile(worse, tied, buyers.size());
    }

    private static int exactFrequencyScore(List<Buyer> buyers, Buyer buyer) {
        int worse = 0;
        int tied = 0;
        for (Buyer other : buyers) {
            worse += other.orders() < buyer.orders() ? 1 : 0;
            tied += other.orders() == buyer.orders() ? 1 : 0;
        }
        return quintile(worse, tied, buyers.size());
    }

    private static int exactMonetaryScore(List<Buyer> buyers, double spend) {
        int worse = 0;
        int tied = 0;
        for (Buyer other : buyers) {
            worse += other.monetary() < spend ? 1 : 0;
            tied += other.monetary() == spend ? 1 : 0;
        }
        return quintile(worse, tied, buyers.size());
    }

    /**
     * The lowest and highest score the spend can get when every other spend within the accuracy of it may count as
     * tied or as what it is (lower or higher); equal spends always tie.
     */
    private static int[] monetaryScoreBounds(List<Buyer> buyers, double spend) {
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        int n = buyers.size();
        List<Buyer> near = buyers.stream().filter(other -> other.monetary() != spend && Math.abs(other.monetary()
                - spend) <= ACCURACY * Math.max(Math.abs(other.monetary()), Math.abs(spend))).toList();
        // Each near spend either ties or keeps its side: try every split at the extremes (all lower ones tied or
        // not, all higher ones tied or not): the percentile is monotone in each choice.
        for (boolean lowerTied : new boolean[]{false, true}) {
            for (boolean higherTied : new boolean[]{false, true}) {
                double worse = 0;
                double tied = 0;
                for (Buyer other : buyers) {
                    boolean isNear = near.contains(other);
                    if (other.monetary() == spend || (isNear && other.monetary() < spend && lowerTied)
                            || (isNear && other.monetary() > spend && higherTied)) {
                        tied++;
                    } else if (other.monetary() < spend) {
                        worse++;
                    }
                }
                double percentile = (worse + tied / 2) / n;
                lowest = Math.min(lowest, percentile);
                highest = Math.max(highest, percentile);
            }
        }
        return new int[]{fromPercentile(lowest), fromPercentile(highest)};
    }

    private static int quintile(int worse, int tied, int n) {
        return fromPercentile((worse + tied / 2.0) / n);
    }

    private static int fromPercentile(double percentile) {
        return Math.min(5, 1 + (int) Math.floor(5 * percentile));
    }
}
