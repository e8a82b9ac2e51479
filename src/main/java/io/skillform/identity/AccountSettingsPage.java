package io.skillform.identity;

import io.skillform.catalog.CatalogException;
import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.UsernamePasswordToken;

/** Backs /account/: password, e-mail address, and "start selling". */
@Named
@RequestScoped
public class AccountSettingsPage {

    @Inject
    private AccountSettings settings;

    @Inject
    private CurrentAccount me;

    @Inject
    private HttpServletRequest request;

    private String currentPassword;
    private String newPassword;
    private String newEmail;
    private final StoreFields store = new StoreFields();

    /** Other sessions of the account end; this one continues under a fresh log-in and session id. */
    public void changePassword() {
        if (attempt(() -> settings.changePassword(me.requireId(), currentPassword, newPassword), "settings.passwordChanged")) {
            SecurityUtils.getSubject().login(new UsernamePasswordToken(me.getEmail(), newPassword));
            request.changeSessionId();
        }
    }

    public void changeEmail() {
        attempt(() -> settings.requestEmailChange(me.requireId(), currentPassword, newEmail), "settings.emailChangeSent");
    }

    public void becomeCreator() throws IOException {
        if (attempt(() -> settings.becomeCreator(me.requireId(), store.getHandle(), store.getName(), store.getCurrency()), "settings.creator")) {
            request.changeSessionId(); // new privileges, new session id
            FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath() + "/dashboard/");
        }
    }

    private static boolean attempt(Runnable action, String successKey) {
        try {
            action.run();
            PageMessages.info(successKey);
            return true;
        } catch (IdentityException e) {
            if (e.problems().isEmpty()) {
                PageMessages.errorText(e.getMessage());
            } else {
                // Only the store form's fields are named; the forms' ids follow their field names.
                PageMessages.errorsFor("sell", e.problems());
            }
            return false;
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
            return false;
        }
    }

    public StoreFields getStore() {
        return store;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

}
