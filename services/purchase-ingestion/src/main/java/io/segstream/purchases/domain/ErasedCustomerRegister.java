package io.segstream.purchases.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The tombstones of erased customers, as the intake needs them: asked once per request, batch or poll, never per
 * event. The policy itself (an event that occurred at or before the erasure is not taken in; a later one is taken in
 * as from a new customer) is the contracts' {@code ErasureCutoff}.
 */
@FunctionalInterface
public interface ErasedCustomerRegister {
    /** No customer was ever erased (unit tests of other behaviour). */
    ErasedCustomerRegister NONE = customerIds -> Map.of();

    /**
     * @return the erasure instant of each of {@code customerIds} that was erased
     * @throws StoreUnavailableException when the store cannot be reached
     */
    Map<String, Instant> erasedAmong(Collection<String> customerIds);
}
