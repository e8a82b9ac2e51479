package io.skillform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs /verify?token=…: uses the link once and says whether it worked. */
@Named
@RequestScoped
public class VerifyPage {

    @Inject
    private SignUp signUp;

    @Inject
    private AccountSettings settings;

    private String token;
    private boolean verified;

    /** A link confirms a new account's address or a change of address; tokens are unique across both. */
    public void load() {
        try {
            verified = signUp.verify(token).isPresent() || settings.confirmEmailChange(token).isPresent();
        } catch (IdentityException e) {
            verified = false;
        }
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
