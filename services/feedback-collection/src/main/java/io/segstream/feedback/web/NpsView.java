package io.segstream.feedback.web;

import io.segstream.contracts.Channel;
import io.segstream.feedback.domain.NpsReport;
import io.segstream.feedback.domain.NpsTally;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer to GET /api/v1/nps: the period and the tally overall and per channel. {@code nps} is a JSON number with
 * one decimal (not a decimal string: it is a score, not money), null without answers; a channel of null gathers
 * answers that named none.
 */
record NpsView(Instant from, Instant to, Tally overall, List<ChannelTally> byChannel) {

    static NpsView of(NpsReport report) {
        return new NpsView(report.from(), report.to(), Tally.of(report.overall()),
                report.byChannel().stream().map(c -> new ChannelTally(c.channel(), Tally.of(c.tally()))).toList());
    }

    record Tally(long promoters, long passives, long detractors, long responses, Double nps) {
        static Tally of(NpsTally tally) {
            BigDecimal nps = tally.nps();
            return new Tally(tally.promoters(), tally.passives(), tally.detractors(), tally.responses(),
                    nps == null ? null : nps.doubleValue());
        }
    }

    record ChannelTally(Channel channel, Tally tally) {
    }
}
