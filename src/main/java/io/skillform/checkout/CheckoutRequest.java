package io.skillform.checkout;

/**
 * A buyer's "buy this": the product, the e-mail the purchase goes to, the amount as typed for pay-what-you-want
 * (null otherwise), and the buyer's account when signed in.
 */
public record CheckoutRequest(long productId, String email, String amount, Long buyerAccountId) {
}
