package io.segstream.purchases.store;

import com.mongodb.MongoException;
import io.segstream.purchases.domain.ErasedCustomerRegister;
import io.segstream.purchases.domain.StoreUnavailableException;
import io.segstream.runtime.erasure.ErasedCustomers;
import org.springframework.dao.DataAccessException;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** service-runtime's tombstones of erased customers, with its failures reported as the intake expects (503, retry). */
public class ErasureTombstones implements ErasedCustomerRegister {
    private final ErasedCustomers erasedCustomers;

    public ErasureTombstones(ErasedCustomers erasedCustomers) {
        this.erasedCustomers = erasedCustomers;
    }

    @Override
    public Map<String, Instant> erasedAmong(Collection<String> customerIds) {
        try {
            return erasedCustomers.erasedAmong(customerIds);
        } catch (DataAccessException | MongoException e) {
            throw new StoreUnavailableException("the erased-customer register is not available", e);
        }
    }
}
