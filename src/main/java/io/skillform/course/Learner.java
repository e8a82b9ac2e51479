package io.skillform.course;

import io.skillform.identity.EmailAddress;
import java.util.Optional;

/**
 * Who is taking courses: a signed-in account (with its address, once verified: courses bought with it before the
 * account existed are its too), or a guest who proved an address with a library link.
 */
public record Learner(Optional<Long> accountId, Optional<EmailAddress> email) {

    public static Learner account(long accountId, Optional<EmailAddress> verifiedEmail) {
        return new Learner(Optional.of(accountId), verifiedEmail);
    }

    public static Learner guest(EmailAddress provenEmail) {
        return new Learner(Optional.empty(), Optional.of(provenEmail));
    }
}
