package io.segstream.feedback.domain;

import io.segstream.contracts.Channel;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The NPS of a period, overall and per channel (channels without answers are left out). */
public record NpsReport(Instant from, Instant to, NpsTally overall, List<ChannelNpsTally> byChannel) {

    public static NpsReport of(Instant from, Instant to, List<ChannelNpsTally> tallies) {
        NpsTally overall = tallies.stream().map(ChannelNpsTally::tally).reduce(NpsTally.NONE, NpsTally::plus);
        List<ChannelNpsTally> byChannel = tallies.stream()
                .filter(t -> t.tally().responses() > 0)
                .sorted(Comparator.comparing(ChannelNpsTally::channel, Comparator.nullsLast(Comparator.<Channel>naturalOrder())))
                .toList();
        return new NpsReport(from, to, overall, byChannel);
    }
}
