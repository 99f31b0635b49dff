package io.segstream.segmentation.domain;

import java.util.List;

/** What applying one purchase event changed: whether it counted, and the class changes it caused. */
public record ProfileUpdate(PurchaseOutcome outcome, ProfileFigures figures, List<ClassChange> changes) {

    public ProfileUpdate {
        changes = List.copyOf(changes);
    }

    static ProfileUpdate unchanged(PurchaseOutcome outcome) {
        return new ProfileUpdate(outcome, null, List.of());
    }
}
