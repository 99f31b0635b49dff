package io.segstream.feedback.store;

import com.mongodb.MongoException;
import io.segstream.feedback.domain.StoreUnavailableException;
import io.segstream.feedback.domain.Tombstones;
import io.segstream.runtime.erasure.ErasedCustomers;
import org.springframework.dao.DataAccessException;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The intake's view of the runtime's tombstones ({@link ErasedCustomers}); MongoDB away = store unavailable. */
public class MongoTombstones implements Tombstones {
    private final ErasedCustomers erasedCustomers;

    public MongoTombstones(ErasedCustomers erasedCustomers) {
        this.erasedCustomers = erasedCustomers;
    }

    @Override
    public Map<String, Instant> erasedAmong(Collection<String> customerIds) {
        try {
            return erasedCustomers.erasedAmong(customerIds);
        } catch (DataAccessException | MongoException e) {
            throw new StoreUnavailableException("the erased customers are not available", e);
        }
    }

    @Override
    public void countSuppressed(long events) {
        erasedCustomers.countSuppressed(events);
    }
}
