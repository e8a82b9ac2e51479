package io.skillform.delivery;

import io.skillform.identity.EmailAddress;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;

/** The address a guest proved with a library link, for the rest of their browser session. */
@SessionScoped
public class GuestLibrary implements Serializable {

    private static final long serialVersionUID = 1L;

    private String email;

    void open(EmailAddress proven) {
        email = proven.value();
    }

    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email).map(EmailAddress::new);
    }
}
