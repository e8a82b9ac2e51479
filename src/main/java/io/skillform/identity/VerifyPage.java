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

    private String token;
    private boolean verified;

    public void load() {
        verified = signUp.verify(token).isPresent();
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
