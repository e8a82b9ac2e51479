package io.skillform.identity;

import io.skillform.catalog.CatalogException;
import io.skillform.platform.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs /signup. */
@Named
@RequestScoped
public class SignUpPage {

    /** Currencies offered for a new store; prices are integer minor units in the store's currency. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD", "NGN", "GHS", "KES", "ZAR", "INR", "JPY");

    @Inject
    private SignUp signUp;

    private String email;
    private String name;
    private String password;
    private boolean creator;
    private String storeHandle;
    private String storeName;
    private String currency = "USD";
    private boolean done;

    public void submit() {
        try {
            signUp.signUp(new SignUpRequest(email, name, password, creator, storeHandle, storeName, currency));
            done = true;
            PageMessages.info("signup.done", email.strip());
        } catch (IdentityException | CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public List<String> getCurrencies() {
        return CURRENCIES;
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

    public String getStoreHandle() {
        return storeHandle;
    }

    public void setStoreHandle(String storeHandle) {
        this.storeHandle = storeHandle;
    }

    public String getStoreName() {
        return storeName;
    }

    public void setStoreName(String storeName) {
        this.storeName = storeName;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
