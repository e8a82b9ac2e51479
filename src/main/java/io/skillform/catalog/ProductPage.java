package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.storage.Sizes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Backs {@code /@handle/slug}: one published product, or a 404. */
@Named
@RequestScoped
public class ProductPage {

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    private String handle;
    private String slug;
    private Product product;
    /** The creator looking at their own unpublished product, as buyers will see it. */
    private boolean preview;
    private List<ProductFile> files;

    /**
     * View action: loads the product or answers 404, so unpublished products look exactly like missing ones. A
     * product's former address answers a permanent redirect to its current one.
     */
    public void load() throws IOException {
        Optional<StoreHandle> store = StoreHandle.parse(handle);
        Optional<Slug> address = Slug.parse(slug);
        Optional<Product> found = store.flatMap(h -> address.flatMap(s -> catalog.findPublished(h, s)));
        if (found.isPresent()) {
            product = found.get();
            return;
        }
        Optional<Product> draft = me.isLoggedIn()
                ? store.flatMap(h -> address.flatMap(s -> catalog.ownDraftAt(me.requireId(), h, s))) : Optional.empty();
        if (draft.isPresent()) {
            product = draft.get();
            preview = true;
            return;
        }
        Optional<Product> moved = store.flatMap(h -> address.flatMap(s -> catalog.movedFrom(h, s)));
        if (moved.isPresent()) {
            PageResponses.movedPermanently("/@" + moved.get().store().handle() + "/" + moved.get().slug());
        } else {
            PageResponses.notFound();
        }
    }


    public boolean isPreview() {
        return preview;
    }

    /** What is included: names and sizes, so a buyer knows what they pay for. */
    public List<ProductFile> getFiles() {
        if (files == null) {
            // None on a post from this page (the header's forms): the view action that loads the product runs on GETs only.
            // A course's files belong to its lessons: its page shows the curriculum instead.
            files = product == null || product.isCourse() ? List.of() : catalog.filesOf(product.id());
        }
        return files;
    }

    public String getIncluded() {
        return PageMessages.text("product.includedCount", getFiles().size(),
                Sizes.format(getFiles().stream().mapToLong(ProductFile::sizeBytes).sum()));
    }

    public String size(long bytes) {
        return Sizes.format(bytes);
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
