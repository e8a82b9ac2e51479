package io.skillform.api;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Store;
import io.skillform.identity.CurrentAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The token's owner as a creator: creator endpoints answer only for the caller's own store. */
@RequestScoped
public class Creator {

    @Inject
    private CurrentAccount me;

    @Inject
    private Catalog catalog;

    public long id() {
        return me.requireId();
    }

    /** @throws ApiException 403 when the account has no store (a buyer's token) */
    public Store store() {
        return catalog.storeOf(me.requireId()).orElseThrow(() -> new ApiException(Problem.response(Response.Status.FORBIDDEN,
                "This token's account has no store. Creator endpoints need a creator's token.")));
    }
}
