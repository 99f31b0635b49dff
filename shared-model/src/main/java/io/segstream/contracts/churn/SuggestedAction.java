package io.segstream.contracts.churn;

/** The retention action an ops team is advised to take. */
public enum SuggestedAction {
    PERSONAL_OUTREACH, WIN_BACK_OFFER, SATISFACTION_SURVEY, SERVICE_RECOVERY, REACTIVATION_CAMPAIGN, MONITOR
}
