package io.skillform.identity;

import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Backs /forgot (ask for a link) and /reset?token=… (choose a new password). */
@Named
@RequestScoped
public class PasswordResetPages {

    @Inject
    private PasswordRecovery recovery;

    @Inject
    private HttpServletRequest request;

    private String email;
    private String token;
    private String password;
    private boolean done;

    /** Same answer whether or not the address has an account; too many requests are told when to try again. */
    public void requestLink() {
        try {
            recovery.requestReset(email, request.getRemoteAddr());
            done = true;
            PageMessages.info("forgot.sent");
        } catch (IdentityException tooMany) {
            PageMessages.errorText(tooMany.getMessage());
        }
    }

    public void reset() {
        try {
            if (recovery.reset(token, password)) {
                done = true;
                PageMessages.info("reset.done");
            } else {
                PageMessages.error("reset.invalid");
            }
        } catch (IdentityException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
