package io.segstream.benchmarks;

import io.segstream.churn.domain.model.BgNbdParameters;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.PurchaseSummary;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Customers drawn from the BG/NBD story itself with the published CDNOW estimates (Fader, Hardie and Lee 2005, in
 * weeks): first purchases spread over the first 12 weeks, 78 weeks observed, day-granular purchase days as the churn
 * service keeps them. Deterministic (seeded).
 */
public final class ChurnData {
    /** r, alpha, a, b of CDNOW, weekly. */
    public static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.WEEKS);
    static final LocalDate START = LocalDate.of(2025, 5, 1);
    static final int OBSERVED_WEEKS = 78;
    public static final LocalDate AS_OF_DAY = START.plusDays(OBSERVED_WEEKS * 7L);

    private ChurnData() {
    }

    /** The purchase days of {@code customers} simulated customers (each has at least its first purchase). */
    public static List<List<LocalDate>> purchaseDays(int customers, long seed) {
        Random random = new Random(seed);
        GammaDistribution rates = new GammaDistribution(new Well19937c(seed), CDNOW.r(), 1 / CDNOW.alpha());
        BetaDistribution dropouts = new BetaDistribution(new Well19937c(seed + 1), CDNOW.a(), CDNOW.b());
        List<List<LocalDate>> all = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            double lambda = rates.sample();
            double p = dropouts.sample();
            double t = random.nextDouble() * 12;
            List<LocalDate> days = new ArrayList<>();
            days.add(START.plusDays((long) Math.floor(t * 7)));
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (!(t < OBSERVED_WEEKS)) {
                    break;
                }
                days.add(START.plusDays((long) Math.floor(t * 7)));
                if (random.nextDouble() < p) {
                    break;
                }
            }
            all.add(days);
        }
        return all;
    }

    /** The (x, t_x, T) summaries, in weeks, of {@link #purchaseDays}, as of the end of the observation. */
    public static List<PurchaseSummary> summaries(int customers, long seed) {
        List<PurchaseSummary> summaries = new ArrayList<>(customers);
        for (List<LocalDate> days : purchaseDays(customers, seed)) {
            summaries.add(PurchaseSummary.fromPurchaseDays(days, AS_OF_DAY, ModelTimeUnit.WEEKS).orElseThrow());
        }
        return summaries;
    }
}
