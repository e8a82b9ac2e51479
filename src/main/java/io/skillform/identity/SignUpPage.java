package io.skillform.identity;

import io.skillform.catalog.CatalogException;
import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Backs /signup. */
@Named
@RequestScoped
public class SignUpPage {

    @Inject
    private SignUp signUp;

    @Inject
    private HttpServletRequest request;

    private String email;
    private String name;
    private String password;
    private boolean creator;
    private final StoreFields store = new StoreFields();
    private boolean done;

    public void submit() {
        try {
            signUp.signUp(new SignUpRequest(email, name, password, creator, store.getHandle(), store.getName(), store.getCurrency()),
                    request.getRemoteAddr());
            done = true;
            PageMessages.info("signup.done", email.strip());
        } catch (IdentityException e) {
            if (e.problems().isEmpty()) {
                PageMessages.errorText(e.getMessage());
            } else {
                PageMessages.errorsFor("signup", e.problems());
            }
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public StoreFields getStore() {
        return store;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isCreator() {
        return creator;
    }

    public void setCreator(boolean creator) {
        this.creator = creator;
    }

}
