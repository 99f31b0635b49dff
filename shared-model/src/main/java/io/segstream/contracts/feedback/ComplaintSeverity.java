package io.segstream.contracts.feedback;

/** How serious a complaint or support ticket is, as the support tool rates it. */
public enum ComplaintSeverity {
    LOW, MEDIUM, HIGH
}
