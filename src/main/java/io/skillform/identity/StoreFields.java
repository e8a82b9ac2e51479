package io.skillform.identity;

/**
 * The "your store" part of a form (sign-up as a creator, start selling): raw input that
 * {@link NewStore#of} validates; the currencies offered are those the platform's terms price
 * ({@code ledgerSettings.currencies}). Rendered by {@code WEB-INF/templates/store-fields.xhtml}.
 */
public class StoreFields {

    private String handle;
    private String name;
    private String currency = "USD";

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
