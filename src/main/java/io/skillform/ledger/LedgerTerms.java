package io.skillform.ledger;

import io.skillform.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The platform's commercial terms: its fee on a sale (a percentage in basis points plus a fixed amount per
 * currency, never more than the sale), the fee a dispute costs the creator, and how long earnings stay pending.
 */
public record LedgerTerms(long feeBasisPoints, Map<Currency, Long> fixedFees, Map<Currency, Long> disputeFees, Duration holding) {

    public LedgerTerms {
        if (feeBasisPoints < 0 || feeBasisPoints > 10_000) {
            throw new IllegalArgumentException("The platform fee is between 0 and 100 %");
        }
        fixedFees = Map.copyOf(fixedFees);
        disputeFees = Map.copyOf(disputeFees);
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

    /** The platform's fee on a sale: rounded half up, never more than the sale itself. */
    public Money feeOn(Money gross) {
        long percentage = Math.addExact(Math.multiplyExact(gross.minor(), feeBasisPoints), 5_000) / 10_000;
        long fee = Math.addExact(percentage, fixedFees.getOrDefault(gross.currency(), 0L));
        return Money.of(Math.min(fee, gross.minor()), gross.currency());
    }

    public long disputeFee(Currency currency) {
        return disputeFees.getOrDefault(currency, 0L);
    }
}
