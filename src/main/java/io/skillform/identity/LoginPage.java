package io.skillform.identity;

import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.util.SavedRequest;
import org.apache.shiro.web.util.WebUtils;

/** Backs /login. One message for every failure, so the page never tells whether an account exists. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private LoginThrottle throttle;

    @Inject
    private HttpServletRequest request;

    private String email;
    private String password;

    public String logIn() throws IOException {
        Optional<EmailAddress> address = EmailAddress.parse(email);
        String client = request.getRemoteAddr();
        // Claimed before the password is checked (and its Argon2 hash paid for): a locked-out guess costs nothing.
        Optional<Duration> locked = throttle.claim(address, client);
        if (locked.isPresent()) {
            PageMessages.error("login.locked", Math.max(1, locked.get().toSeconds()));
            return null;
        }
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(new UsernamePasswordToken(address.map(EmailAddress::value).orElse(""), password));
        } catch (AuthenticationException e) {
            PageMessages.error("login.failed");
            return null;
        }
        throttle.succeeded(address.orElseThrow(), client);
        // A new session id at log-in, so an id planted before log-in (session fixation) is worthless.
        request.changeSessionId();
        FacesContext.getCurrentInstance().getExternalContext().redirect(destination(subject));
        return null;
    }

    /** Back to the page that sent the visitor to log in (same site only), else the account's home. */
    private String destination(Subject subject) {
        SavedRequest saved = WebUtils.getAndClearSavedRequest(request);
        String path = saved == null ? null : saved.getRequestUrl();
        if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            return path;
        }
        String home = subject.hasRole(Role.CREATOR.shiroName()) ? "/dashboard/"
                : subject.hasRole(Role.ADMIN.shiroName()) ? "/admin/" : "/library/";
        return request.getContextPath() + home;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
