package io.segstream.churn.domain.model;

/**
 * The model's view of one customer.
 *
 * @param probabilityAlive                  P(alive | x, t_x, T); 1 for customers without repeat purchase (see
 *                                          {@link #repeatBuyer()})
 * @param expectedPurchasesShortHorizon     E[Y(t) | x, t_x, T] over {@link ScoringSettings#shortHorizon()} (30 days)
 * @param expectedPurchasesLongHorizon      E[Y(t) | x, t_x, T] over {@link ScoringSettings#longHorizon()} (90 days)
 * @param probabilityOfPurchaseWithinRiskHorizon P(at least one purchase within {@link ScoringSettings#riskHorizon()})
 * @param risk                              1 - probabilityOfPurchaseWithinRiskHorizon: the probability that the
 *                                          customer does not buy within the risk horizon, either because she has
 *                                          dropped out or because she is alive but slow
 * @param repeatBuyer                       x > 0: only then does P(alive) carry evidence; for one-time buyers the
 *                                          risk comes from the purchase-rate part alone
 */
public record ChurnRiskScore(double probabilityAlive, double expectedPurchasesShortHorizon,
                             double expectedPurchasesLongHorizon, double probabilityOfPurchaseWithinRiskHorizon,
                             double risk, boolean repeatBuyer) {
}
