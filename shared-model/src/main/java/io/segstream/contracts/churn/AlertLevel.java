package io.segstream.contracts.churn;

public enum AlertLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
