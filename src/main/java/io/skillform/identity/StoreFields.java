package io.skillform.identity;

import java.util.List;

/**
 * The "your store" part of a form (sign-up as a creator, start selling): raw input that
 * {@link NewStore#of} validates. Rendered by {@code WEB-INF/templates/store-fields.xhtml}.
 */
public class StoreFields {

    /** Currencies offered for a new store; prices are integer minor units in the store's currency. */
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD", "NGN", "GHS", "KES", "ZAR", "INR", "JPY");

    private String handle;
    private String name;
    private String currency = "USD";

    public List<String> getCurrencies() {
        return CURRENCIES;
    }

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
