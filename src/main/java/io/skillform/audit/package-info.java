/**
 * The audit trail: who did what, appended asynchronously through the {@code skillform.audit} JMS queue.
 * <p>
 * Use cases record an {@link io.skillform.audit.AuditEntry} through the {@link io.skillform.audit.AuditTrail}
 * port inside their own transaction: the message is sent only if that transaction commits. The
 * {@link io.skillform.audit.AuditListener} message-driven bean appends it to the log exactly once, even when
 * the broker redelivers.
 */
package io.skillform.audit;
