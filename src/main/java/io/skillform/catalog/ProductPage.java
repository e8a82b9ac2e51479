package io.skillform.catalog;

import io.skillform.platform.PageResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;

/** Backs {@code /@handle/slug}: one published product, or a 404. */
@Named
@RequestScoped
public class ProductPage {

    @Inject
    private Catalog catalog;

    private String handle;
    private String slug;
    private Product product;

    /** View action: loads the product or answers 404, so unpublished products look exactly like missing ones. */
    public void load() throws IOException {
        Optional<Product> found = StoreHandle.parse(handle)
                .flatMap(h -> Slug.parse(slug).flatMap(s -> catalog.findPublished(h, s)));
        if (found.isPresent()) {
            product = found.get();
        } else {
            PageResponses.notFound();
        }
    }


    public Product getProduct() {
        return product;
    }

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
