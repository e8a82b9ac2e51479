package io.skillform.checkout;

import java.util.Objects;

/**
 * A buyer's "buy this": the product, the e-mail the purchase goes to, the amount as typed for pay-what-you-want
 * (null otherwise), the buyer's account when signed in, and who is asking — an opaque name of the account or
 * browser session, so that a second click resumes the same checkout only for the person who started it.
 */
public record CheckoutRequest(long productId, String email, String amount, Long buyerAccountId, String requester) {

    public CheckoutRequest {
        Objects.requireNonNull(requester, "requester");
    }
}
