package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Backs the storefront-origins form on /dashboard/tokens: one origin per line, all checked before any is saved. */
@Named
@ViewScoped
public class AllowedOriginsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Its messages show with the list of origins, not with the tokens above it. */
    private static final String LIST = "origins:list";

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    private String origins;

    @PostConstruct
    void load() {
        origins = catalog.storeOf(me.requireId()).map(store -> store.allowedOrigins().stream().map(WebOrigin::value)
                .collect(Collectors.joining("\n"))).orElse("");
    }

    public void save() {
        List<WebOrigin> parsed = new ArrayList<>();
        try {
            for (String line : (origins == null ? "" : origins).split("\\R")) {
                if (!line.isBlank()) {
                    parsed.add(WebOrigin.parse(line));
                }
            }
            catalog.allowOrigins(me.requireId(), parsed);
            load();
            PageMessages.infoAt(LIST, "origins.saved");
        } catch (IllegalArgumentException | CatalogException e) {
            PageMessages.errorAt(LIST, e.getMessage());
        }
    }

    public String getOrigins() {
        return origins;
    }

    public void setOrigins(String origins) {
        this.origins = origins;
    }
}
