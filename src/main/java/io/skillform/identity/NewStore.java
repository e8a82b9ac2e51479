package io.skillform.identity;

import io.skillform.catalog.StoreHandle;
import io.skillform.ledger.LedgerTerms;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A creator's store as asked for in a form, validated: used by sign-up and by "start selling". */
record NewStore(StoreHandle handle, String name, Currency currency) {

    /**
     * @param terms the platform's terms: a store sells only in a currency they price, so every sale and dispute is
     *              charged the fee the settings say
     * @throws IdentityException with a message for the user when a field is not acceptable
     */
    static NewStore of(String handle, String name, String currencyCode, LedgerTerms terms) {
        FieldProblems problems = new FieldProblems();
        Optional<StoreHandle> parsed = problems.check("storeHandle", () -> StoreHandle.parse(handle).orElseThrow(() ->
                new IdentityException("A store handle is 2–30 lower-case letters, digits or hyphens")));
        problems.require("storeName", () -> requireName(name, "Enter a store name (at most 80 characters)"));
        Optional<Currency> currency = problems.check("currency", () -> currency(currencyCode, terms));
        problems.throwIfAny();
        return new NewStore(parsed.orElseThrow(), name.strip(), currency.orElseThrow());
    }

    private static Currency currency(String code, LedgerTerms terms) {
        Currency currency;
        try {
            currency = Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IdentityException("Choose the currency your prices are in");
        }
        if (!terms.prices(currency)) {
            throw new IdentityException("SkillForm does not take payments in " + currency.getCurrencyCode() + "; choose one of "
                    + terms.currencies().stream().map(Currency::getCurrencyCode).collect(Collectors.joining(", ")));
        }
        return currency;
    }

    static void requireName(String name, String problem) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new IdentityException(problem);
        }
    }
}
