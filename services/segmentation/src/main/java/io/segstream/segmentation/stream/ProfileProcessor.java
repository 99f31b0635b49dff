package io.segstream.segmentation.stream;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Ids;
import io.segstream.contracts.Topics;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.erasure.ErasureCutoff;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ClassChange;
import io.segstream.segmentation.domain.CustomerFact;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.PopulationMember;
import io.segstream.segmentation.domain.PopulationSnapshot;
import io.segstream.segmentation.domain.PopulationSummary;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.domain.ReevaluationSlice;
import io.segstream.segmentation.domain.RfmScore;
import io.segstream.segmentation.domain.Segmentation;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.domain.SweepSummary;
import io.segstream.segmentation.encoding.PopulationSummaryCodec;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The segmentation of one stream task's customers. Records of purchases.recorded.v1 and feedback.recorded.v1 are
 * applied to the customer's profile (the domain's {@link Segmentation}); requests of customers.erasure.v1 delete
 * it. Every class change goes to segments.changes.v1 in the same transaction as the profile write that caused it.
 * Between records, on the wall clock, the task works through slices of background work (customers due with the
 * clock, re-evaluations after a redefinition, RFM re-scoring) and publishes its population summary.
 *
 * <p>A record that is not a usable event is logged (topic, partition, offset and code; never the payload) and
 * counted, not thrown: it would stop the partition, and the recorded topics are written by the ingestion services
 * only after validation, so a bad one is a bug to find by its offset.
 */
final class ProfileProcessor implements Processor<String, byte[], String, Routed> {
    private static final Logger log = LoggerFactory.getLogger(ProfileProcessor.class);
    private static final String STATE_KEY = "state";
    /** A re-scoring checks this many members (cheap) for every profile a slice may re-evaluate (costly). */
    private static final int RESCORE_CHECKS_PER_PROFILE = 20;

    private final TopologySettings settings;
    private ProcessorContext<String, Routed> context;
    private String task;
    private TaskProfiles profiles;
    private KeyValueStore<String, byte[]> erasures;
    private KeyValueStore<String, byte[]> taskState;
    private GlobalDefinitions definitions;
    private ReadOnlyKeyValueStore<String, ?> populationStore;
    private DefinitionCatalogue catalogue;
    private Segmentation segmentation;
    private TaskState state;
    private long definitionsFingerprint;
    private final MergedPopulation mergedPopulation;
    private final BackgroundShare backgroundShare;
    private final DefinitionsFingerprint sharedFingerprint;
    private long populationVersion;
    private PopulationSnapshot population = null;
    private Rescoring rescoring = new Rescoring(Instant.EPOCH, 0, -1);

    /** What the task keeps of its background work: definition versions taken into account, jobs under way. */
    record TaskState(Map<String, Long> evaluatedVersions, List<BackgroundJob> jobs) {
        TaskState {
            evaluatedVersions = new TreeMap<>(evaluatedVersions == null ? Map.of() : evaluatedVersions);
            jobs = new ArrayList<>(jobs == null ? List.of() : jobs);
        }
    }

    /** When the last RFM re-scoring started, against a population of how many buyers, of which version. */
    private record Rescoring(Instant startedAt, long buyers, long populationVersion) {
    }

    ProfileProcessor(TopologySettings settings, MergedPopulation mergedPopulation, BackgroundShare backgroundShare,
                     DefinitionsFingerprint sharedFingerprint) {
        this.settings = settings;
        this.mergedPopulation = mergedPopulation;
        this.backgroundShare = backgroundShare;
        this.sharedFingerprint = sharedFingerprint;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.task = context.taskId().toString();
        KeyValueStore<String, byte[]> profileStore = context.getStateStore(SegmentationStores.PROFILES);
        KeyValueStore<Bytes, byte[]> due = context.getStateStore(SegmentationStores.DUE);
        KeyValueStore<String, byte[]> members = context.getStateStore(SegmentationStores.MEMBERS);
        this.erasures = context.getStateStore(SegmentationStores.ERASURES);
        this.taskState = context.getStateStore(SegmentationStores.TASK_STATE);
        this.definitions = new GlobalDefinitions(context.getStateStore(SegmentationStores.DEFINITIONS));
        this.populationStore = context.getStateStore(SegmentationStores.POPULATION);
        this.profiles = new TaskProfiles(profileStore, due, members, settings.policy(), settings.buckets(),
                this::rfmCode);
        this.catalogue = new DefinitionCatalogue(definitions, settings.compiler(), List.of());
        this.segmentation = new Segmentation(profiles, this::publish, catalogue, settings.policy());
        byte[] stored = taskState.get(STATE_KEY);
        this.state = stored == null ? new TaskState(Map.of(), List.of())
                : ContractJson.mapper().readValue(stored, TaskState.class);
        // The first round of background work reloads the catalogue and queues what the state has not seen yet.
        catalogue.reload();
        readPopulation();
        context.schedule(settings.backgroundInterval(), PunctuationType.WALL_CLOCK_TIME, at -> background());
        context.schedule(settings.populationInterval(), PunctuationType.WALL_CLOCK_TIME, at -> populationRound());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        backgroundShare.recordArrived(context.currentSystemTimeMs());
        try {
            if (Topics.CUSTOMER_ERASURE.equals(origin.topic())) {
                erase(settings.decoder().decode(Contracts.CUSTOMER_ERASURE_REQUESTED, record.value()));
            } else {
                apply(fact(origin.topic(), record.value()), Instant.ofEpochMilli(record.timestamp()));
            }
        } catch (ContractViolation violation) {
            log.warn("skipped an unusable record of {} partition {} offset {}: {}", origin.topic(),
                    origin.partition(), origin.offset(), violation.code());
            settings.metrics().rejected(violation.code());
        }
    }

    private CustomerFact fact(String topic, byte[] value) {
        if (Topics.FEEDBACK_RECORDED.equals(topic)) {
            FeedbackRecorded event = settings.decoder().decode(Contracts.FEEDBACK_RECORDED, value);
            return FeedbackFacts.from(event);
        }
        PurchaseRecorded event = settings.decoder().decode(Contracts.PURCHASE_RECORDED, value);
        return PurchaseFacts.from(event, settings.policy().maxCategoriesPerPurchase());
    }

    private void apply(CustomerFact fact, Instant arrivedAt) {
        byte[] erasedAt = erasures.get(fact.customerId());
        if (erasedAt != null && ErasureCutoff.suppresses(instant(erasedAt), fact.occurredAt())) {
            settings.metrics().suppressed();
            return;
        }
        settings.clock().observe(fact.occurredAt());
        BatchResult result = segmentation.apply(List.of(fact), settings.clock().now());
        settings.metrics().applied(result, arrivedAt, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }

    /**
     * An erasure: the tombstone first (events of the customer that occurred up to the erasure are dropped from now
     * on), then the profile goes, classes and all, unless it holds only facts from after the erasure (a new
     * relationship begun by later events). Facts from after the erasure that a profile with earlier ones holds (they
     * arrived before the request) start a new profile, as if they came now. No segment change announces the erasure.
     */
    private void erase(CustomerErasureRequested request) {
        if (!Ids.isValid(request.customerId()) || request.requestedAt() == null) {
            // Dead-lettered with its reason by the service's erasure listener, which reads the same topic.
            settings.metrics().rejected("INVALID_ERASURE_REQUEST");
            return;
        }
        String customerId = request.customerId();
        byte[] earlier = erasures.get(customerId);
        Instant erasedAt = earlier != null && instant(earlier).isAfter(request.requestedAt()) ? instant(earlier)
                : request.requestedAt();
        erasures.put(customerId, erasedAt.toString().getBytes(StandardCharsets.UTF_8));
        CustomerProfile profile = profiles.find(customerId);
        if (profile != null && profile.holdsFactsAtOrBefore(erasedAt)) {
            List<CustomerFact> later = profile.factsAfter(erasedAt);
            profiles.delete(customerId);
            if (!later.isEmpty()) {
                segmentation.apply(later, settings.clock().now());
            }
        }
    }

    private static Instant instant(byte[] text) {
        return Instant.parse(new String(text, StandardCharsets.UTF_8));
    }

    /** Forwards the changes to segments.changes.v1 with their CloudEvents attributes; part of the transaction. */
    private void publish(List<ClassChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long now = context.currentSystemTimeMs();
        for (ClassChange change : changes) {
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.forEvent(Contracts.SEGMENT_CHANGED, change.eventId(), settings.eventSource(),
                    change.occurredAt()).forEach((name, value) -> headers.add(name,
                    value.getBytes(StandardCharsets.UTF_8)));
            byte[] payload = ContractJson.mapper().writeValueAsBytes(event(change));
            context.forward(new Record<>(change.customerId(), new Routed(Topics.SEGMENT_CHANGES, payload), now,
                    headers));
        }
        settings.metrics().published(changes, Instant.ofEpochMilli(now));
    }

    static SegmentChanged event(ClassChange change) {
        return new SegmentChanged(change.eventId(), change.customerId(), SegmentKind.valueOf(change.kind().name()),
                change.key(), change.from(), change.to(), change.definitionVersion(), change.causedBy(),
                change.occurredAt(), new ProfileSnapshot(change.recencyDays(), Math.toIntExact(change.frequency()),
                change.monetary(), change.rfm()));
    }

    /**
     * One round of background work: new definition versions, then a slice of the sweep, then a slice of a job, unless
     * the instance's background work has taken its share of the thread while records are arriving.
     */
    private void background() {
        takeNewDefinitions();
        long now = context.currentSystemTimeMs();
        if (!backgroundShare.mayWork(now)) {
            return;
        }
        long started = System.nanoTime();
        Instant asOf = settings.clock().now();
        if (settings.sweepEnabled()) {
            SweepSummary swept = segmentation.sweep(asOf, settings.sliceSize());
            settings.metrics().swept(swept.customers());
        }
        runJobSlice(asOf);
        backgroundShare.worked(now, (System.nanoTime() - started) / 1e6);
    }

    /**
     * Reloads the catalogue when a definition version was added and queues the re-evaluation of every key whose
     * version is newer than the one this task last re-evaluated (a newer version of a key under way replaces it).
     */
    private void takeNewDefinitions() {
        long fingerprint = sharedFingerprint.at(context.currentSystemTimeMs(), definitions::fingerprint);
        if (fingerprint == definitionsFingerprint) {
            return;
        }
        definitionsFingerprint = fingerprint;
        catalogue.reload();
        DefinitionVersions versions = definitions.versions();
        boolean changed = false;
        for (SegmentDefinition definition : catalogue.definitions()) {
            Long evaluated = state.evaluatedVersions().get(definition.key());
            if (evaluated != null && evaluated >= definition.version()) {
                continue;
            }
            state.evaluatedVersions().put(definition.key(), definition.version());
            changed = true;
            DefinitionRecord record = versions.newest(definition.key());
            state.jobs().removeIf(job -> {
                boolean superseded = job.isRedefinition() && job.key().equals(definition.key());
                if (superseded) {
                    reportProgress(job, true);
                }
                return superseded;
            });
            BackgroundJob job = BackgroundJob.redefinition(definition.key(), definition.version(),
                    record == null ? null : record.recomputationId(), profiles.summary().profiles(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            if (profiles.summary().profiles() == 0) {
                // Nobody to re-evaluate (the task's first customers are classified with this version by their
                // events), but the recomputation waits for every task's report: this one is finished at once.
                reportProgress(job, true);
                continue;
            }
            state.jobs().add(job);
        }
        if (changed) {
            saveState();
        }
    }

    private void runJobSlice(Instant asOf) {
        if (state.jobs().isEmpty()) {
            return;
        }
        BackgroundJob job = state.jobs().get(0);
        List<Dimension> dimensions = dimensionsOf(job);
        String cause = job.isRedefinition() ? Redefinitions.CAUSE : Segmentation.SWEEP;
        ReevaluationSlice slice;
        if (dimensions.isEmpty()) {
            slice = new ReevaluationSlice(0, job.after(), 0, 0, true);
        } else if (job.isRedefinition()) {
            slice = segmentation.reevaluateAfter(job.after(), settings.sliceSize(), dimensions, asOf, cause);
        } else {
            slice = rescoreSlice(job.after(), dimensions, asOf);
        }
        settings.metrics().reevaluated(cause, slice.read());
        BackgroundJob advanced = job.after(slice);
        if (slice.finished()) {
            state.jobs().remove(0);
        } else {
            state.jobs().set(0, advanced);
        }
        reportProgress(advanced, slice.finished());
        saveState();
    }

    /**
     * A slice of a re-scoring: the members whose RFM scores the current population changes (a read of the small
     * members store, not of the profiles), and only their profiles re-evaluated on the rfm dimension and the
     * audiences, at most a slice of them: while the population grows fast (a first load) nearly every member moves,
     * and re-evaluating every moved one of the members checked kept the task's transaction open for seconds.
     */
    private ReevaluationSlice rescoreSlice(String after, List<Dimension> dimensions, Instant asOf) {
        int checks = settings.sliceSize() * RESCORE_CHECKS_PER_PROFILE;
        List<KeyValue<String, PopulationMember>> members = profiles.membersAfter(after, checks);
        if (members.isEmpty()) {
            return new ReevaluationSlice(0, after, 0, 0, true);
        }
        List<String> moved = new ArrayList<>();
        int checked = 0;
        while (checked < members.size() && moved.size() < settings.sliceSize()) {
            KeyValue<String, PopulationMember> member = members.get(checked++);
            if (member.value.hasPurchased() && !Objects.equals(member.value.rfm(), rfmCode(member.value))) {
                moved.add(member.key);
            }
        }
        BatchResult result = moved.isEmpty() ? new BatchResult(0, 0, 0, List.of())
                : segmentation.reevaluate(new ArrayList<>(profiles.findAll(moved).values()), dimensions, asOf,
                Segmentation.SWEEP);
        profiles.rescored(moved);
        boolean finished = checked == members.size() && members.size() < checks;
        return new ReevaluationSlice(checked, members.get(checked - 1).key, result.applied(),
                result.published().size(), finished);
    }

    private List<Dimension> dimensionsOf(BackgroundJob job) {
        if (job.isRedefinition()) {
            return catalogue.dimensions().stream().filter(d -> d.key().equals(job.key())
                    && d.definitionVersion() == job.version()).toList();
        }
        List<Dimension> rescored = catalogue.dimensions().stream().filter(d -> d.key().equals(Redefinitions.RFM_KEY)
                || d.kind() == DefinitionKind.AUDIENCE).toList();
        return rescored.stream().anyMatch(d -> d.key().equals(Redefinitions.RFM_KEY)) ? rescored : List.of();
    }

    private void reportProgress(BackgroundJob job, boolean finished) {
        if (job.recomputationId() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RecomputationProgress progress = new RecomputationProgress(job.recomputationId(), job.key(), job.version(),
                task, Math.max(job.total(), job.done()), job.done(), job.changes(), finished, job.startedAt(),
                finished ? now : null);
        context.forward(new Record<>(progress.topicKey(),
                new Routed(Topics.SEGMENTATION_RECOMPUTATIONS, progress.toJson()), now.toEpochMilli()));
    }

    private void saveState() {
        taskState.put(STATE_KEY, ContractJson.mapper().writeValueAsBytes(state));
    }

    /** Publishes this task's summary if it changed, reads the merged one, and re-scores RFM when it moved enough. */
    private void populationRound() {
        long now = context.currentSystemTimeMs();
        if (profiles.takeSummaryChanged()) {
            context.forward(new Record<>(task, new Routed(Topics.SEGMENTATION_POPULATION,
                    PopulationSummaryCodec.encode(profiles.summary())), now));
        }
        readPopulation();
        scheduleRescoring(Instant.ofEpochMilli(now));
    }

    /**
     * The merged summaries of every task (this one's as last published) become the population RFM scores use; the
     * instance's tasks share one merge of them.
     */
    private void readPopulation() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (KeyValueIterator<String, ?> all = populationStore.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                byte[] value = GlobalDefinitions.bytes(entry.value);
                if (value != null) {
                    parts.put(entry.key, value);
                }
            }
        }
        PopulationSnapshot merged = mergedPopulation.of(parts,
                () -> merged(parts.values(), settings).snapshot(settings.policy().purchaseDayZone()));
        if (merged == population) {
            return;
        }
        populationVersion++;
        population = merged;
        catalogue.usePopulation(population);
    }

    /** Sums the summaries written with this task's monetary accuracy (others are skipped: they cannot be added). */
    static PopulationSummary merged(java.util.Collection<byte[]> parts, TopologySettings settings) {
        List<PopulationSummary> summaries = new ArrayList<>();
        for (byte[] part : parts) {
            if (PopulationSummaryCodec.accuracyOf(part) == settings.buckets().relativeAccuracy()) {
                summaries.add(PopulationSummaryCodec.decode(part));
            }
        }
        return PopulationSummary.merge(settings.buckets(), summaries);
    }

    /**
     * Queues a re-scoring of the customers whose RFM scores moved (the rfm dimension and the audiences, which may read
     * it) when the population changed since the last one and either grew or shrank by the re-scoring fraction or the
     * re-scoring interval has passed, and never sooner than the minimum pause after the last. At most one is queued.
     */
    private void scheduleRescoring(Instant now) {
        if (state.jobs().stream().anyMatch(job -> !job.isRedefinition())
                || populationVersion == rescoring.populationVersion()) {
            return;
        }
        long buyers = catalogue.population().size();
        boolean moved = rescoring.buyers() == 0 ? buyers > 0
                : Math.abs(buyers - rescoring.buyers()) >= settings.rescoreGrowth() * rescoring.buyers();
        boolean due = !now.isBefore(rescoring.startedAt().plus(settings.rescoreInterval()));
        boolean rested = !now.isBefore(rescoring.startedAt().plus(settings.rescoreMinPause()));
        if (!rested || (!moved && !due)) {
            return;
        }
        rescoring = new Rescoring(now, buyers, populationVersion);
        state.jobs().add(BackgroundJob.rescore(profiles.summary().profiles(), now));
        saveState();
    }

    /** The code of the RFM scores a member is classified with now. */
    private String rfmCode(PopulationMember member) {
        RfmScore score = population == null ? null : population.score(member, settings.clock().now());
        return score == null ? null : score.code();
    }

}
