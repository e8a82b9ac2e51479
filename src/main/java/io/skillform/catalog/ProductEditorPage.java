package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.shared.Money;
import io.skillform.storage.Sizes;
import io.skillform.storage.TooLargeException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.primefaces.event.FileUploadEvent;

/** Backs /dashboard/product?id=…: edit, price, add files and a cover, publish, unpublish, archive. */
@Named
@ViewScoped
public class ProductEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Catalog catalog;

    @Inject
    private ProductMedia media;

    @Inject
    private CurrentAccount me;

    /** Raw from the URL: anything but a number is simply "not found". */
    private String id;
    private Product product;
    private String title;
    private String description;
    private String price;
    private Pricing pricing;
    private int downloadLimit;
    private int linkLifetimeHours;

    /** View action: another creator's product answers 404, exactly like a missing one. */
    public void load() throws IOException {
        try {
            show(catalog.ownedProduct(me.requireId(), Long.parseLong(id == null ? "" : id)));
        } catch (CatalogException | NumberFormatException e) {
            PageResponses.notFound();
        }
    }

    private void show(Product current) {
        product = current;
        title = current.title();
        description = current.description();
        price = current.price().toMajor().toPlainString();
        pricing = current.pricing();
        downloadLimit = current.downloadPolicy().downloadLimit();
        linkLifetimeHours = current.downloadPolicy().linkLifetimeHours();
    }

    public void save() {
        Money amount;
        try {
            amount = Money.ofMajor(price, product.price().currency());
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("editor:price", e.getMessage());
            return;
        }
        ProductRevision revision = new ProductRevision(title, description, amount.minor(), pricing, downloadLimit, linkLifetimeHours);
        change(() -> catalog.reviseProduct(me.requireId(), product.id(), revision), "editor.saved");
    }

    public void publish() {
        change(() -> catalog.publish(me.requireId(), product.id()), "editor.published");
    }

    public void unpublish() {
        change(() -> catalog.unpublish(me.requireId(), product.id()), "editor.unpublished");
    }

    public void archive() {
        change(() -> catalog.archive(me.requireId(), product.id()), "editor.archived");
    }

    /** PrimeFaces hands over the upload as a temporary file on disk; it is streamed on to storage from there. */
    public void uploadFile(FileUploadEvent event) {
        upload(() -> {
            try (InputStream content = event.getFile().getInputStream()) {
                ProductFile file = media.addFile(me.requireId(), product.id(), event.getFile().getFileName(), content);
                return file.fileName().value();
            }
        }, "editor.fileAdded");
    }

    public void uploadCover(FileUploadEvent event) {
        upload(() -> {
            try (InputStream content = event.getFile().getInputStream()) {
                media.changeCover(me.requireId(), product.id(), content);
                return event.getFile().getFileName();
            }
        }, "editor.coverChanged");
    }

    public void removeFile(long fileId) {
        change(() -> media.removeFile(me.requireId(), product.id(), fileId), "editor.fileRemoved");
    }

    private void upload(Upload action, String successKey) {
        try {
            String name = action.run();
            show(catalog.ownedProduct(me.requireId(), product.id()));
            PageMessages.info(successKey, name);
        } catch (TooLargeException e) {
            PageMessages.error("editor.tooLarge", Sizes.format(e.limit()));
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
        } catch (IOException e) {
            PageMessages.error("editor.uploadFailed");
        }
    }

    private void change(Supplier<Product> action, String successKey) {
        try {
            show(action.get());
            PageMessages.info(successKey);
        } catch (IllegalArgumentException | CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Upload {
        String run() throws IOException;
    }

    public List<ProductFile> getFiles() {
        return product.currentFiles();
    }

    public String size(long bytes) {
        return Sizes.format(bytes);
    }

    public Pricing[] getPricings() {
        return Pricing.values();
    }

    public boolean isArchived() {
        return product.status() == ProductStatus.ARCHIVED;
    }

    public Product getProduct() {
        return product;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public Pricing getPricing() {
        return pricing;
    }

    public void setPricing(Pricing pricing) {
        this.pricing = pricing;
    }

    public int getDownloadLimit() {
        return downloadLimit;
    }

    public void setDownloadLimit(int downloadLimit) {
        this.downloadLimit = downloadLimit;
    }

    public int getLinkLifetimeHours() {
        return linkLifetimeHours;
    }

    public void setLinkLifetimeHours(int linkLifetimeHours) {
        this.linkLifetimeHours = linkLifetimeHours;
    }
}
