package io.skillform.identity;

import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs /dashboard/tokens: a creator's API tokens. A new token's secret is shown once, in this view only. */
@Named
@ViewScoped
public class ApiTokensPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private CurrentAccount me;

    private String newName;
    private IssuedToken issued;
    private List<ApiToken> tokens;

    @PostConstruct
    void load() {
        tokens = apiTokens.listFor(me.requireId());
    }

    public List<ApiToken> getTokens() {
        return tokens;
    }

    public void create() {
        try {
            issued = apiTokens.issue(me.requireId(), newName);
            newName = null;
            PageMessages.info("tokens.created");
            load();
        } catch (IdentityException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public void revoke(long tokenId) {
        try {
            apiTokens.revoke(me.requireId(), tokenId);
            if (issued != null && issued.id() == tokenId) {
                issued = null;
            }
            PageMessages.info("tokens.revoked");
            load();
        } catch (IdentityException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public IssuedToken getIssued() {
        return issued;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
