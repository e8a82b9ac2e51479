package io.skillform.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs /verify?token=…: the page asks, and its button uses the link once and says whether it worked. Opening the page
 * confirms nothing — mail scanners and link previews open every link in a mail, and would otherwise confirm an address
 * for whoever signed up with it (and join that address's guest purchases to their account).
 */
@Named
@ViewScoped
public class VerifyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SignUp signUp;

    @Inject
    private transient AccountSettings settings;

    private String token;
    private boolean answered;
    private boolean verified;

    /** A link confirms a new account's address or a change of address; tokens are unique across both. */
    public void confirm() {
        try {
            verified = signUp.verify(token).isPresent() || settings.confirmEmailChange(token).isPresent();
        } catch (IdentityException e) {
            verified = false;
        }
        answered = true;
    }

    public boolean isAnswered() {
        return answered;
    }

    public boolean isVerified() {
        return verified;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
