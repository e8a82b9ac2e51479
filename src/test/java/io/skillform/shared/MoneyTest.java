package io.skillform.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsInTheCurrencysOwnMinorUnits() {
        assertEquals("$19.00", Money.of(1900, "USD").format(Locale.US));
        assertEquals("¥1,200", Money.of(1200, "JPY").format(Locale.US));
        assertEquals("1.234,50 €", Money.of(123450, "EUR").format(Locale.GERMANY).replace('\u00a0', ' '));
        assertEquals(new BigDecimal("1.234"), Money.of(1234, "KWD").toMajor());
    }

    @Test
    void addsAndSubtractsExactly() {
        Money price = Money.of(1999, "EUR");
        assertEquals(Money.of(3998, "EUR"), price.plus(price));
        assertEquals(Money.zero(price.currency()), price.minus(price));
        assertEquals(Money.of(-1999, "EUR"), price.negate());
    }

    @Test
    void refusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "USD").plus(Money.of(100, "EUR")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "USD").isAtLeast(Money.of(100, "EUR")));
    }

    @Test
    void refusesOverflowInsteadOfWrappingAround() {
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")));
    }

    @Test
    void rejectsCodesThatAreNotIso4217() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(100, "XYZW"));
    }

    @Test
    void equalityIsAmountAndCurrency() {
        assertEquals(Money.of(500, "USD"), Money.of(500, "USD"));
        assertNotEquals(Money.of(500, "USD"), Money.of(500, "CAD"));
        assertNotEquals(Money.of(500, "USD"), Money.of(501, "USD"));
    }

    @Test
    void readsTypedAmountsExactly() {
        assertEquals(Money.of(1250, "USD"), Money.ofMajor(" 12.50 ", Currency.getInstance("USD")));
        assertEquals(Money.of(12, "USD"), Money.ofMajor("0.12", Currency.getInstance("USD")));
        assertEquals(Money.of(1200, "JPY"), Money.ofMajor("1200", Currency.getInstance("JPY")));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMajor("12.505", Currency.getInstance("USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMajor("12.5", Currency.getInstance("JPY")));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMajor("twelve", Currency.getInstance("USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.ofMajor("1e30", Currency.getInstance("USD")));
    }
}
