package io.skillform.api;

import io.skillform.identity.Account;
import io.skillform.identity.Accounts;
import io.skillform.identity.CurrentAccount;
import io.skillform.identity.Role;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/me}: the account the token belongs to. */
@Path("/v1/me")
@RequiresToken
public class MeResource {

    @Inject
    private CurrentAccount me;

    @Inject
    private Accounts accounts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        Account account = accounts.find(me.requireId()).orElseThrow();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        account.roles().stream().map(Role::shiroName).sorted().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("id", account.id())
                .add("email", account.email().value())
                .add("roles", roles)
                .build();
    }
}
