/**
 * Outgoing e-mail, sent at least once and never lost silently.
 * <p>
 * A use case calls {@link io.skillform.mail.Outbox#enqueue} inside its own transaction: the mail is written to
 * the outbox table and its id put on the {@code skillform.mail} queue, both or neither. The
 * {@link io.skillform.mail.MailListener} sends it through the WildFly mail session and marks it sent; a
 * failure is recorded and rethrown, so the broker retries with back-off (1 s, 2 s, 4 s … 1 min) and finally
 * dead-letters the message, where the outbox row stays PENDING for an admin to see. Each mail has a stable
 * Message-ID, so a resend after a crash is recognisable as the same mail.
 * <p>
 * In the dev run (and the tests) {@code DevMailCatcher} is the SMTP server, readable at {@code /dev/mail}. It lives in
 * {@code src/dev/java} with GreenMail, which only the dev profile's WAR (and the tests' deployment) carries: the WAR
 * the build ships has no SMTP server in it.
 */
package io.skillform.mail;
