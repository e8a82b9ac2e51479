package io.skillform.identity;

/**
 * What the sign-up form sends. A creator also names a store: its handle, display name and currency.
 * Raw user input: {@link SignUp} validates all of it.
 */
public record SignUpRequest(String email, String name, String password, boolean creator,
                            String storeHandle, String storeName, String currency) {

    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + ", creator=" + creator + ", storeHandle=" + storeHandle + "]";
    }
}
