package io.skillform.catalog;

import io.skillform.platform.PageResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Backs {@code /@handle}: a creator's store and its published products. */
@Named
@RequestScoped
public class StorePage {

    private static final int PRODUCTS_SHOWN = 48;

    @Inject
    private Catalog catalog;

    private String handle;
    private Store store;
    private List<Product> products = List.of();

    public void load() throws IOException {
        Optional<Store> found = StoreHandle.parse(handle).flatMap(catalog::findOpenStore);
        if (found.isPresent()) {
            store = found.get();
            products = catalog.publishedIn(store, PRODUCTS_SHOWN);
        } else {
            PageResponses.notFound();
        }
    }

    public Store getStore() {
        return store;
    }

    public List<Product> getProducts() {
        return products;
    }

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }
}
