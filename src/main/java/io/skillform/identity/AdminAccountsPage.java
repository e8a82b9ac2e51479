package io.skillform.identity;

import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs /admin/: find accounts, disable and re-enable them. */
@Named
@ViewScoped
public class AdminAccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountAdministration administration;

    @Inject
    private CurrentAccount me;

    private String query;
    private List<Account> accounts;

    @PostConstruct
    void load() {
        accounts = administration.search(me.requireId(), query);
    }

    public void search() {
        load();
    }

    public void disable(long accountId) {
        act(() -> administration.disable(me.requireId(), accountId), "admin.disabled");
    }

    public void enable(long accountId) {
        act(() -> administration.enable(me.requireId(), accountId), "admin.enabled");
    }

    private void act(Runnable action, String successKey) {
        try {
            action.run();
            PageMessages.info(successKey);
        } catch (IdentityException e) {
            PageMessages.errorText(e.getMessage());
        }
        load();
    }

    public List<Account> getAccounts() {
        return accounts;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
