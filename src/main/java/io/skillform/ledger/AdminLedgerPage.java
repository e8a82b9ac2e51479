package io.skillform.ledger;

import io.skillform.platform.PageMessages;
import jakarta.ejb.ConcurrentAccessException;
import jakarta.enterprise.inject.Model;
import jakarta.inject.Inject;
import java.util.List;

/** Backs /admin/ledger: the platform's accounts (fee revenue, PSP clearing and fees) and the trial balances. */
@Model
public class AdminLedgerPage {

    @Inject
    private TrialBalanceChecks checks;

    @Inject
    private TrialBalance trialBalance;

    public List<LedgerAccount> getAccounts() {
        return checks.platformAccounts();
    }

    public List<TrialBalanceRun> getRuns() {
        return checks.recent(20);
    }

    public void runNow() {
        try {
            trialBalance.run().ifPresentOrElse(
                    run -> PageMessages.info(run.isBalanced() ? "adminLedger.balanced" : "adminLedger.discrepancies", run.problems()),
                    () -> PageMessages.info("adminLedger.busy"));
        } catch (ConcurrentAccessException busy) {
            PageMessages.info("adminLedger.busy");
        }
    }
}
