package org.safegate.policy.model;

/** How serious a finding is; critical findings must be mitigated within a short window. */
public enum Severity {
    LOW, MODERATE, SIGNIFICANT, CRITICAL
}
