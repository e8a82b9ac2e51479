package io.skillform.ledger;

import io.skillform.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The platform's commercial terms: its fee on a sale (a percentage in basis points plus a fixed amount per
 * currency, never more than the sale), the fee a dispute costs the creator, and how long earnings stay pending.
 * <p>
 * The currencies the terms price are the only ones a store may sell in: a currency with a fixed fee but no dispute
 * fee (or the other way round) is refused, so no sale or dispute is ever charged a fee of 0 by omission.
 */
public record LedgerTerms(long feeBasisPoints, Map<Currency, Long> fixedFees, Map<Currency, Long> disputeFees, Duration holding) {

    public LedgerTerms {
        if (feeBasisPoints < 0 || feeBasisPoints > 10_000) {
            throw new IllegalArgumentException("The platform fee is between 0 and 100 %");
        }
        fixedFees = Map.copyOf(fixedFees);
        disputeFees = Map.copyOf(disputeFees);
        if (fixedFees.isEmpty()) {
            throw new IllegalArgumentException("SKILLFORM_LEDGER_FEE_FIXED: name at least one currency stores may sell in");
        }
        requirePriced(fixedFees.keySet(), disputeFees, "SKILLFORM_LEDGER_DISPUTE_FEE", "SKILLFORM_LEDGER_FEE_FIXED names it");
        requirePriced(disputeFees.keySet(), fixedFees, "SKILLFORM_LEDGER_FEE_FIXED", "SKILLFORM_LEDGER_DISPUTE_FEE names it");
        Objects.requireNonNull(holding, "holding");
        if (holding.isNegative()) {
            throw new IllegalArgumentException("The holding period is not negative");
        }
    }

    /**
     * Reads the settings' text forms: a percentage such as "5" or "2.9", amounts such as "USD:30,EUR:25", a holding
     * period as an ISO-8601 duration ("P7D", "PT5M").
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static LedgerTerms parse(String feePercent, String fixedFees, String disputeFees, String holding) {
        long basisPoints;
        try {
            basisPoints = new BigDecimal(feePercent.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("SKILLFORM_LEDGER_FEE_PERCENT: a percentage with at most two decimals, e.g. 5 or 2.9");
        }
        Duration held;
        try {
            held = Duration.parse(holding.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("SKILLFORM_LEDGER_HOLDING: an ISO-8601 duration, e.g. P7D (7 days) or PT5M (5 minutes)");
        }
        return new LedgerTerms(basisPoints, amounts("SKILLFORM_LEDGER_FEE_FIXED", fixedFees),
                amounts("SKILLFORM_LEDGER_DISPUTE_FEE", disputeFees), held);
    }

    private static Map<Currency, Long> amounts(String setting, String text) {
        Map<Currency, Long> amounts = new HashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.strip().split(":");
            try {
                long minor = Long.parseLong(parts[1].strip());
                if (parts.length != 2 || minor < 0) {
                    throw new IllegalArgumentException();
                }
                amounts.put(Currency.getInstance(parts[0].strip()), minor);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(setting + ": CURRENCY:minor-units pairs, e.g. USD:30,EUR:25 (read \"" + pair + "\")");
            }
        }
        return amounts;
    }

    private static void requirePriced(Collection<Currency> currencies, Map<Currency, Long> fees, String setting, String why) {
        for (Currency currency : currencies) {
            if (!fees.containsKey(currency)) {
                throw new IllegalArgumentException(setting + " has no amount for " + currency + ", though " + why
                        + " (write " + currency + ":0 for no fee)");
            }
        }
    }

    /** The currencies a store may sell in, in alphabetical order. */
    public List<Currency> currencies() {
        return fixedFees.keySet().stream().sorted(Comparator.comparing(Currency::getCurrencyCode)).toList();
    }

    public boolean prices(Currency currency) {
        return fixedFees.containsKey(currency);
    }

    /**
     * Checks that the terms still price every currency stores sell in (a setting changed since a store opened).
     *
     * @throws IllegalArgumentException naming the currencies left without fees
     */
    public void requirePrices(Collection<Currency> inUse) {
        List<String> missing = inUse.stream().filter(c -> !prices(c)).map(Currency::getCurrencyCode).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("SKILLFORM_LEDGER_FEE_FIXED and SKILLFORM_LEDGER_DISPUTE_FEE have no amount for "
                    + String.join(", ", missing) + ", which stores sell in");
        }
    }

    /** The platform's fee on a sale: rounded half up, never more than the sale itself. */
    public Money feeOn(Money gross) {
        long percentage = Math.addExact(Math.multiplyExact(gross.minor(), feeBasisPoints), 5_000) / 10_000;
        long fee = Math.addExact(percentage, priced(fixedFees, gross.currency()));
        return Money.of(Math.min(fee, gross.minor()), gross.currency());
    }

    public long disputeFee(Currency currency) {
        return priced(disputeFees, currency);
    }

    private static long priced(Map<Currency, Long> fees, Currency currency) {
        Long fee = fees.get(currency);
        if (fee == null) {
            // Stores open only in priced currencies and the start-up check covers stores opened before a settings change.
            throw new IllegalStateException("The platform's terms have no fee for " + currency);
        }
        return fee;
    }
}
