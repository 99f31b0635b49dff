package io.segstream.feedback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ledger in memory, keyed by eventId like the real one; can be told to leave publications pending or fail. */
public final class InMemoryLedger implements FeedbackLedger {
    public final Map<String, RecordedFeedback> recorded = new LinkedHashMap<>();
    public int recordCalls;
    boolean kafkaAway;
    boolean storeAway;

    @Override
    public List<Recording> record(List<RecordedFeedback> feedback) {
        if (storeAway) {
            throw new StoreUnavailableException("store away", null);
        }
        recordCalls++;
        List<Recording> result = new ArrayList<>();
        for (RecordedFeedback item : feedback) {
            if (recorded.putIfAbsent(item.event().eventId(), item) != null) {
                result.add(Recording.DUPLICATE);
            } else {
                result.add(kafkaAway ? Recording.PENDING : Recording.PUBLISHED);
            }
        }
        return result;
    }

    @Override
    public FeedbackPage ofCustomer(String customerId, int page, int size) {
        List<RecordedFeedback> all = recorded.values().stream()
                .filter(r -> r.event().customerId().equals(customerId))
                .sorted(Comparator.comparing((RecordedFeedback r) -> r.event().occurredAt()).reversed())
                .toList();
        List<RecordedFeedback> items = all.stream().skip((long) page * size).limit(size).toList();
        return new FeedbackPage(items, page, size, all.size() > (page + 1) * size);
    }

    @Override
    public List<ChannelNpsTally> npsTallies(Instant from, Instant to) {
        Map<io.segstream.contracts.Channel, NpsTally> tallies = new LinkedHashMap<>();
        for (RecordedFeedback r : recorded.values()) {
            Instant at = r.event().occurredAt();
            if (r.npsCategory() != null && !at.isBefore(from) && at.isBefore(to)) {
                tallies.merge(r.event().channel(), NpsTally.NONE.plus(r.npsCategory(), 1), NpsTally::plus);
            }
        }
        List<ChannelNpsTally> result = new ArrayList<>();
        tallies.forEach((channel, tally) -> result.add(new ChannelNpsTally(channel, tally)));
        return result;
    }
}
