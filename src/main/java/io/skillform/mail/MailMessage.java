package io.skillform.mail;

import io.skillform.identity.EmailAddress;
import java.util.List;
import java.util.Objects;

/**
 * A mail to send: plain text always, HTML optionally. {@code secrets} are the parts that work as keys (a download or
 * sign-in link): the outbox keeps them only until the mail is sent, then blanks them out of its copy.
 */
public record MailMessage(EmailAddress to, String subject, String text, String html, List<String> secrets) {

    public MailMessage(EmailAddress to, String subject, String text, String html) {
        this(to, subject, text, html, List.of());
    }

    public MailMessage {
        Objects.requireNonNull(to, "to");
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("A subject is 1–200 characters");
        }
        Objects.requireNonNull(text, "text");
        secrets = List.copyOf(secrets);
        if (secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("A secret is not empty");
        }
    }
}
