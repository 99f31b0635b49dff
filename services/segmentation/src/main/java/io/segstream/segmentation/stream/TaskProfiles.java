package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.PopulationMember;
import io.segstream.segmentation.domain.PopulationSummary;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.encoding.MemberCodec;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The profiles of one stream task's customers, in its state stores: the profile itself, its entry in the due store
 * (by planned re-evaluation instant) and what it adds to the task's population summary, all kept together on every
 * write. Only the task's thread calls it.
 */
final class TaskProfiles implements ProfileStore {
    private final KeyValueStore<String, byte[]> profiles;
    private final KeyValueStore<Bytes, byte[]> due;
    private final KeyValueStore<String, byte[]> members;
    private final ProfilePolicy policy;
    private final PopulationSummary summary;
    private final Function<PopulationMember, String> scoring;
    private boolean summaryChanged = true;

    /**
     * @param scoring the RFM code a member is classified with now (the population and the clock of the moment): kept
     *                with the member, so that a re-scoring reads only the customers whose scores moved
     */
    TaskProfiles(KeyValueStore<String, byte[]> profiles, KeyValueStore<Bytes, byte[]> due,
                 KeyValueStore<String, byte[]> members, ProfilePolicy policy, MonetaryBuckets buckets,
                 Function<PopulationMember, String> scoring) {
        this.profiles = profiles;
        this.due = due;
        this.members = members;
        this.policy = policy;
        this.scoring = scoring;
        this.summary = new PopulationSummary(buckets);
        try (KeyValueIterator<String, byte[]> all = members.all()) {
            all.forEachRemaining(entry -> summary.add(MemberCodec.decode(entry.value)));
        }
    }

    @Override
    public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        Map<String, CustomerProfile> found = new HashMap<>();
        for (String customerId : customerIds) {
            byte[] stored = profiles.get(customerId);
            if (stored != null) {
                found.put(customerId, ProfileCodec.decode(stored));
            }
        }
        return found;
    }

    CustomerProfile find(String customerId) {
        byte[] stored = profiles.get(customerId);
        return stored == null ? null : ProfileCodec.decode(stored);
    }

    /** Writes each profile at its next version, moves its due entry and recounts it in the summary. */
    @Override
    public void saveAll(Collection<CustomerProfile> changed) {
        for (CustomerProfile profile : changed) {
            String customerId = profile.customerId();
            byte[] stored = profiles.get(customerId);
            Instant plannedBefore = stored == null ? null : ProfileCodec.nextReevaluationAt(stored);
            profiles.put(customerId, ProfileCodec.encode(profile, profile.version() + 1));
            if (!Objects.equals(plannedBefore, profile.nextReevaluationAt())) {
                if (plannedBefore != null) {
                    due.delete(DueKeys.of(plannedBefore, customerId));
                }
                if (profile.nextReevaluationAt() != null) {
                    due.put(DueKeys.of(profile.nextReevaluationAt(), customerId), new byte[0]);
                }
            }
            PopulationMember member = profile.populationMember(policy);
            recount(customerId, member.scored(scoring.apply(member)));
        }
    }

    /**
     * Up to {@code limit} members after {@code afterId} (null: from the first), in id order: what a re-scoring
     * checks, without reading profiles.
     */
    List<KeyValue<String, PopulationMember>> membersAfter(String afterId, int limit) {
        List<KeyValue<String, PopulationMember>> page = new ArrayList<>(limit);
        try (KeyValueIterator<String, byte[]> entries = members.range(afterId, null)) {
            while (entries.hasNext() && page.size() < limit) {
                KeyValue<String, byte[]> entry = entries.next();
                if (!entry.key.equals(afterId)) {
                    page.add(KeyValue.pair(entry.key, MemberCodec.decode(entry.value)));
                }
            }
        }
        return page;
    }

    /** Records the scores these customers are classified with now (after a re-scoring that left them in class). */
    void rescored(Collection<String> customerIds) {
        for (String customerId : customerIds) {
            byte[] stored = members.get(customerId);
            if (stored != null) {
                PopulationMember member = MemberCodec.decode(stored);
                String code = scoring.apply(member);
                if (!Objects.equals(code, member.rfm())) {
                    members.put(customerId, MemberCodec.encode(member.scored(code)));
                }
            }
        }
    }

    /** Deletes the customer's profile, due entry and counts; false when there was none. */
    boolean delete(String customerId) {
        byte[] stored = profiles.delete(customerId);
        if (stored == null) {
            return false;
        }
        Instant planned = ProfileCodec.nextReevaluationAt(stored);
        if (planned != null) {
            due.delete(DueKeys.of(planned, customerId));
        }
        recount(customerId, null);
        return true;
    }

    private void recount(String customerId, PopulationMember now) {
        byte[] before = now == null ? members.delete(customerId) : members.get(customerId);
        PopulationMember was = before == null ? null : MemberCodec.decode(before);
        if (Objects.equals(was, now)) {
            return;
        }
        if (was != null) {
            summary.remove(was);
        }
        if (now != null) {
            summary.add(now);
            members.put(customerId, MemberCodec.encode(now));
        }
        summaryChanged = true;
    }

    /**
     * Customers whose planned instant is at or before {@code asOf}, earliest first. An entry that does not match its
     * profile's plan (it cannot happen while every write goes through here) is removed rather than swept forever.
     */
    @Override
    public List<CustomerProfile> dueForReevaluation(Instant asOf, int limit) {
        List<CustomerProfile> found = new ArrayList<>();
        List<Bytes> stale = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = due.all()) {
            while (entries.hasNext() && found.size() < limit) {
                Bytes key = entries.next().key;
                Instant at = DueKeys.instantOf(key);
                if (at.isAfter(asOf)) {
                    break;
                }
                CustomerProfile profile = find(DueKeys.customerOf(key));
                if (profile == null || !at.equals(profile.nextReevaluationAt())) {
                    stale.add(key);
                } else {
                    found.add(profile);
                }
            }
        }
        stale.forEach(due::delete);
        return found;
    }

    @Override
    public List<CustomerProfile> profilesAfter(String afterId, int limit) {
        List<CustomerProfile> page = new ArrayList<>(limit);
        try (KeyValueIterator<String, byte[]> entries = profiles.range(afterId, null)) {
            while (entries.hasNext() && page.size() < limit) {
                KeyValue<String, byte[]> entry = entries.next();
                if (!entry.key.equals(afterId)) {
                    page.add(ProfileCodec.decode(entry.value));
                }
            }
        }
        return page;
    }

    /** The task's population summary, kept up to date by every write. */
    PopulationSummary summary() {
        return summary;
    }

    /** Whether the summary changed since the last call (what to publish). */
    boolean takeSummaryChanged() {
        boolean changed = summaryChanged;
        summaryChanged = false;
        return changed;
    }
}
