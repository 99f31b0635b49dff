package io.segstream.runtime.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Erasure settings, under {@code segstream.erasure}.
 *
 * @param recheckAfter    an erasure is carried out a second time this long after the first, to remove what a batch
 *                        that was in flight at the moment of the erasure wrote afterwards
 * @param recheckInterval how often the service looks for erasures due for their second pass
 * @param recheckBatch    most erasures re-run per pass
 * @param retryAfter      Retry-After of a 503 when the request cannot be published
 */
@ConfigurationProperties("segstream.erasure")
public record ErasureProperties(
        @DefaultValue("30s") Duration recheckAfter,
        @DefaultValue("15s") Duration recheckInterval,
        @DefaultValue("100") int recheckBatch,
        @DefaultValue("5s") Duration retryAfter) {
}
