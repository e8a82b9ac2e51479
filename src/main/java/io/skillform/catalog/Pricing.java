package io.skillform.catalog;

/** How a buyer pays: exactly the price (zero makes the product free), or any amount from the price up. */
public enum Pricing {
    FIXED,
    /** The product's price is the minimum; zero means "free, or pay what you want". */
    PAY_WHAT_YOU_WANT
}
