package io.segstream.churn.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;

/** Every customer's purchase days, for fitting the churn model on the whole population (port). */
public interface Population {

    /** Customers known to the activity view, including those who never bought. */
    long size();

    /** Calls {@code customer} once per customer with her distinct purchase days (possibly empty), streaming. */
    void forEachPurchaseDays(Consumer<Collection<LocalDate>> customer);
}
