package io.segstream.churn.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test double of the fit history: every saved fit in order, the latest last. */
public final class InMemoryChurnModelStore implements ChurnModelStore {
    private final List<ModelFit> fits = new ArrayList<>();

    @Override
    public void save(ModelFit fit) {
        fits.add(fit);
    }

    @Override
    public Optional<ModelFit> latest() {
        return fits.isEmpty() ? Optional.empty() : Optional.of(fits.get(fits.size() - 1));
    }

    /** Every saved fit, oldest first. */
    public List<ModelFit> fits() {
        return fits;
    }
}
