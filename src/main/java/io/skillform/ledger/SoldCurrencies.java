package io.skillform.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Currency;
import java.util.List;

/**
 * Refuses to start when the platform's terms no longer price a currency some store sells in (a fee setting edited
 * after the store opened): its next sale would otherwise be charged a fee nobody chose. Stores open only in priced
 * currencies, so this only catches a settings change.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SoldCurrencies {

    @Inject
    private LedgerSettings settings;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @PostConstruct
    void check() {
        @SuppressWarnings("unchecked")
        List<String> sold = em.createNativeQuery("SELECT DISTINCT default_currency FROM store").getResultList();
        settings.terms().requirePrices(sold.stream().map(Currency::getInstance).toList());
    }
}
