package io.skillform.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Currency;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's terms from configuration ({@code SKILLFORM_LEDGER_*}), read once at start-up: a wrong value stops
 * the deployment with the setting's name rather than failing the first sale ({@link SoldCurrencies} checks the
 * stores against them). Named for the store forms, which offer exactly the currencies the terms price.
 */
@Named
@ApplicationScoped
public class LedgerSettings {

    /** About 0.30 USD in each currency offered by default; zero-decimal JPY in yen. */
    static final String FIXED_FEES = "USD:30,EUR:25,GBP:20,CAD:40,AUD:45,NGN:50000,GHS:400,KES:4000,ZAR:500,INR:2500,JPY:45";

    /** About what card networks charge for a dispute (15 USD) in each currency offered by default. */
    static final String DISPUTE_FEES = "USD:1500,EUR:1500,GBP:1500,CAD:1500,AUD:2500,NGN:2000000,GHS:20000,KES:200000,"
            + "ZAR:27500,INR:125000,JPY:2000";

    @Inject
    @ConfigProperty(name = "skillform.ledger.fee-percent", defaultValue = "5")
    String feePercent;

    @Inject
    @ConfigProperty(name = "skillform.ledger.fee-fixed", defaultValue = FIXED_FEES)
    String feeFixed;

    @Inject
    @ConfigProperty(name = "skillform.ledger.dispute-fee", defaultValue = DISPUTE_FEES)
    String disputeFee;

    @Inject
    @ConfigProperty(name = "skillform.ledger.holding", defaultValue = "P7D")
    String holding;

    private LedgerTerms terms;

    @PostConstruct
    void read() {
        terms = LedgerTerms.parse(feePercent, feeFixed, disputeFee, holding);
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        terms();
    }

    public LedgerTerms terms() {
        return terms;
    }

    /** The currency codes a new store may choose from. */
    public List<String> getCurrencies() {
        return terms.currencies().stream().map(Currency::getCurrencyCode).toList();
    }
}
