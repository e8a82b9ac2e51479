package io.skillform.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: integer minor units (cents, pence, kobo…) in an ISO-4217 currency.
 * Never a floating-point number; arithmetic refuses to mix currencies.
 */
@Embeddable
public final class Money {

    @Column(name = "amount_minor", nullable = false)
    private long minor;

    @Convert(converter = CurrencyConverter.class)
    @Column(name = "currency", nullable = false, length = 3)
    private Currency currency;

    protected Money() {
        // for JPA
    }

    private Money(long minor, Currency currency) {
        this.minor = minor;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    /** @throws IllegalArgumentException for a code that is not ISO-4217 */
    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    /**
     * Reads an amount typed in major units ("12.50") exactly, in the currency's own minor units.
     *
     * @throws IllegalArgumentException for text that is not a plain number, or has more decimals than the currency
     */
    public static Money ofMajor(String amount, Currency currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter an amount such as 12.50");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.scale() > digits) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " amounts have at most " + digits + " decimals");
        }
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("That amount is too large");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public long minor() {
        return minor;
    }

    public Currency currency() {
        return currency;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return minor >= other.minor;
    }

    /** The amount in major units, exact (scale = the currency's fraction digits), for display and export. */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    /** Formats for a reader, e.g. "$12.00", "12,00 €", "¥1,200". */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(toMajor());
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && minor == other.minor && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minor, currency);
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency.getCurrencyCode();
    }
}
