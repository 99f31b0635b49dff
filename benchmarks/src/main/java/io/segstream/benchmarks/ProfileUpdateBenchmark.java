package io.segstream.benchmarks;

import io.segstream.segmentation.domain.ClockSensitivity;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileUpdate;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One purchase applied to one existing customer's profile, the way segmentation does it per event: the stored
 * profile is read (a copy), the purchase inserted, every figure recomputed from the kept facts, and the customer
 * re-classified on every definition of the default catalogue (ten dimensions, three audiences, RFM scored against a
 * population of 100,000). The parts are measured separately as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProfileUpdateBenchmark {

    /** Orders in the customer's two-year history (about half lie beyond the 400-day horizon and are folded). */
    @Param("60")
    public int historyPurchases;

    ProfilePolicy policy;
    DefinitionCatalogue catalogue;
    CustomerProfile stored;
    byte[] encoded;
    PurchaseFact newPurchase;

    @Setup
    public void setUp() {
        policy = Fixtures.policy();
        catalogue = Fixtures.catalogue(Fixtures.defaultPopulation());
        stored = Fixtures.profile("C-000042", historyPurchases, 42, policy, catalogue);
        encoded = ProfileCodec.encode(stored);
        newPurchase = Fixtures.purchase("C-000042", "E-C-000042-new", Fixtures.AS_OF.minus(Duration.ofHours(1)),
                new Random(4242));
    }

    /** Copy of the stored profile + apply one purchase + recompute figures + classify on all 13 definitions. */
    @Benchmark
    public ProfileUpdate applyPurchase() {
        return Fixtures.copy(stored).apply(newPurchase, Fixtures.AS_OF, policy, catalogue);
    }

    /** The copy alone (what {@link #applyPurchase} includes besides the update; subtract it). */
    @Benchmark
    public CustomerProfile copyProfile() {
        return Fixtures.copy(stored);
    }

    /** Reading the profile from the stream's store (RocksDB holds it encoded): once per event. */
    @Benchmark
    public CustomerProfile decodeProfile() {
        return ProfileCodec.decode(encoded);
    }

    /** Writing it back: once per applied event. */
    @Benchmark
    public byte[] encodeProfile() {
        return ProfileCodec.encode(stored);
    }

    /** Recomputing every figure from the kept facts, and the RFM scores (done once per applied event). */
    @Benchmark
    public ProfileFigures figuresAndRfm() {
        return catalogue.enrich(stored.figures(Fixtures.AS_OF, policy));
    }

    /** Planning the next clock-only re-evaluation (done once per changed profile per batch). */
    @Benchmark
    public CustomerProfile planNextReevaluation() {
        CustomerProfile profile = Fixtures.copy(stored);
        profile.planNextReevaluation(catalogue.clockSensitivity(), Fixtures.AS_OF, policy);
        return profile;
    }

    /** The catalogue's clock sensitivity, which Segmentation asks for once per changed profile. */
    @Benchmark
    public ClockSensitivity catalogueClockSensitivity() {
        return catalogue.clockSensitivity();
    }
}
