package io.skillform.mail;

import io.skillform.identity.EmailAddress;
import java.util.Objects;

/** A mail to send: plain text always, HTML optionally. */
public record MailMessage(EmailAddress to, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("A subject is 1–200 characters");
        }
        Objects.requireNonNull(text, "text");
    }
}
