package io.skillform.audit;

/** The port use cases record audit entries through; the entry is kept only if the caller's transaction commits. */
public interface AuditTrail {

    void record(AuditEntry entry);
}
