package io.skillform.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the storefront home page: the latest published products. */
@Named
@RequestScoped
public class HomePage {

    private static final int LATEST_SHOWN = 24;

    @Inject
    private Catalog catalog;

    private List<Product> latest;

    public List<Product> getLatest() {
        if (latest == null) {
            latest = catalog.latestPublished(LATEST_SHOWN);
        }
        return latest;
    }
}
