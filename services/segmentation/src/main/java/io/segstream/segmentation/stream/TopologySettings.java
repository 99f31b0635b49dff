package io.segstream.segmentation.stream;

import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.segmentation.domain.DefinitionCompiler;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.ProfilePolicy;

import java.time.Duration;

/**
 * What the segmentation topology's tasks work with.
 *
 * @param eventSource        the ce_source of the segment changes
 * @param backgroundInterval how often each task does a slice of background work: the sweep of due customers, the
 *                           re-evaluation after a redefinition, the RFM re-scoring
 * @param sliceSize          customers one slice of background work takes at most (per task and interval), so that
 *                           events keep flowing while millions of customers are re-evaluated
 * @param backgroundShare    the fraction of the stream thread's time the background work of an instance's tasks may
 *                           take while records are arriving (1 or more: no bound), so that records keep flowing
 * @param sweepEnabled       whether tasks sweep customers whose classes can change with the clock
 * @param populationInterval how often each task publishes its population summary (when it changed) and reads the
 *                           merged one that RFM scores are quintiles of
 * @param rescoreInterval    how often the customers whose RFM scores the population's changes moved are re-scored
 *                           (the population moves with every event), or sooner when it grew or shrank by
 *                           {@code rescoreGrowth} (a fraction), but never within {@code rescoreMinPause} of the last
 */
public record TopologySettings(ProfilePolicy policy, DefinitionCompiler compiler, EvaluationClock clock,
                               SegmentationMetrics metrics, ContractDecoder decoder, String eventSource,
                               MonetaryBuckets buckets, Duration backgroundInterval, int sliceSize,
                               double backgroundShare, boolean sweepEnabled, Duration populationInterval, Duration rescoreInterval,
                               double rescoreGrowth, Duration rescoreMinPause) {

    public TopologySettings {
        if (sliceSize < 1) {
            throw new IllegalArgumentException("a slice of background work takes at least one customer");
        }
        if (!(backgroundShare > 0)) {
            throw new IllegalArgumentException("the background share is a positive fraction, not " + backgroundShare);
        }
        if (!(rescoreGrowth > 0)) {
            throw new IllegalArgumentException("the re-scoring growth is a positive fraction, not " + rescoreGrowth);
        }
    }
}
