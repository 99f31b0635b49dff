package io.segstream.feedback.domain;

import io.segstream.contracts.Channel;

/** The NPS tally of one channel; {@code channel} is null for answers that named none. */
public record ChannelNpsTally(Channel channel, NpsTally tally) {
}
