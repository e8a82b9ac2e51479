package io.skillform.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's terms from configuration ({@code SKILLFORM_LEDGER_*}), read once at start-up: a wrong value stops
 * the deployment with the setting's name rather than failing the first sale.
 */
@ApplicationScoped
public class LedgerSettings {

    @Inject
    @ConfigProperty(name = "skillform.ledger.fee-percent", defaultValue = "5")
    String feePercent;

    @Inject
    @ConfigProperty(name = "skillform.ledger.fee-fixed", defaultValue = "USD:30,EUR:25,GBP:20")
    String feeFixed;

    @Inject
    @ConfigProperty(name = "skillform.ledger.dispute-fee", defaultValue = "USD:1500,EUR:1500,GBP:1500")
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
}
