package io.skillform.identity;

import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The header's "send the link again" for an account that has not confirmed its address. */
@Named
@RequestScoped
public class VerificationReminder {

    @Inject
    private SignUp signUp;

    @Inject
    private CurrentAccount me;

    @Inject
    private HttpServletRequest request;

    public void resend() {
        try {
            signUp.resendVerification(me.requireId(), request.getRemoteAddr());
            PageMessages.infoAt("verify-reminder:resend", "verify.resent", me.getEmail());
        } catch (IdentityException e) {
            PageMessages.errorAt("verify-reminder:resend", e.getMessage());
        }
    }
}
