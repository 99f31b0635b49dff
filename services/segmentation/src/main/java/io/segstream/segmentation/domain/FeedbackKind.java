package io.segstream.segmentation.domain;

/** What a piece of feedback is; mirrors the contract's kinds so that the domain does not depend on the contract. */
public enum FeedbackKind {
    NPS_SURVEY, CSAT_SURVEY, REVIEW, COMPLAINT, SUPPORT_TICKET, REFERRAL
}
