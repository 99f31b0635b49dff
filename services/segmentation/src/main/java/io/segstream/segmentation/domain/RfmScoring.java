package io.segstream.segmentation.domain;

/** Scores a customer's recency, frequency and monetary value as quintiles of a population. */
public interface RfmScoring {

    /** The customer's scores against this population, or null for a customer who never bought. */
    RfmScore score(ProfileFigures figures);

    /** Customers in the population (those who bought). */
    long size();
}
