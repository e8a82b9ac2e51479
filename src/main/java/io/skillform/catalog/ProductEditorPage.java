package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import io.skillform.storage.Sizes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.primefaces.event.FileUploadEvent;

/** Backs /dashboard/product?id=…: edit, price, add files and a cover, publish, unpublish, archive. */
@Named
@ViewScoped
public class ProductEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** File and cover messages show in their own panel, not with the product's details. */
    private static final String FILES_UPLOAD = "files:upload";
    private static final String COVER_UPLOAD = "cover:upload";
    private static final String GALLERY_UPLOAD = "gallery:upload";

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
    private String slug;
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
        slug = current.slug().value();
        description = current.description();
        price = current.price().toMajor().toPlainString();
        pricing = current.pricing();
        downloadLimit = current.downloadPolicy().downloadLimit();
        linkLifetimeHours = current.downloadPolicy().linkLifetimeHours();
    }

    public String save() {
        Money amount;
        try {
            amount = Money.ofMajor(price, product.price().currency());
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("editor:price", e.getMessage());
            return null;
        }
        Optional<Slug> address = Slug.parse(slug == null ? "" : slug.strip());
        if (address.isEmpty()) {
            PageMessages.errorFor("editor:slug", PageMessages.text("products.badSlug"));
            return null;
        }
        ProductRevision revision = new ProductRevision(title, description, amount.minor(), pricing, downloadLimit, linkLifetimeHours);
        return change(() -> catalog.editProduct(me.requireId(), product.id(), address.get(), revision), "editor.saved");
    }

    public String publish() {
        return change(() -> catalog.publish(me.requireId(), product.id()), "editor.published");
    }

    public String unpublish() {
        return change(() -> catalog.unpublish(me.requireId(), product.id()), "editor.unpublished");
    }

    public String archive() {
        return change(() -> catalog.archive(me.requireId(), product.id()), "editor.archived");
    }

    /** Opens the new draft in the editor. */
    public String duplicate() {
        try {
            Product copy = media.duplicate(me.requireId(), product.id());
            PageMessages.info("editor.duplicated", product.title());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/dashboard/product?faces-redirect=true&id=" + copy.id();
        } catch (CatalogException | IOException e) {
            PageMessages.errorText(e instanceof CatalogException ? e.getMessage() : PageMessages.text("editor.duplicateFailed"));
            return null;
        }
    }

    /** PrimeFaces hands over the upload as a temporary file on disk; it is streamed on to storage from there. */
    public void uploadFile(FileUploadEvent event) {
        upload(FILES_UPLOAD, () -> {
            try (InputStream content = event.getFile().getInputStream()) {
                ProductFile file = media.addFile(me.requireId(), product.id(), event.getFile().getFileName(), content);
                return file.fileName().value();
            }
        }, "editor.fileAdded");
    }

    public void uploadCover(FileUploadEvent event) {
        upload(COVER_UPLOAD, () -> {
            try (InputStream content = event.getFile().getInputStream()) {
                media.changeCover(me.requireId(), product.id(), content);
                return event.getFile().getFileName();
            }
        }, "editor.coverChanged");
    }

    public void uploadImage(FileUploadEvent event) {
        upload(GALLERY_UPLOAD, () -> {
            try (InputStream content = event.getFile().getInputStream()) {
                media.addImage(me.requireId(), product.id(), content);
                return event.getFile().getFileName();
            }
        }, "editor.imageAdded");
    }

    /** An image of the gallery, by the id in its address ({@code /covers/<id>}). */
    public String removeImage(String imageId) {
        return change(GALLERY_UPLOAD, () -> {
            media.removeImage(me.requireId(), product.id(), new BlobKey("covers/" + imageId));
            return catalog.ownedProduct(me.requireId(), product.id());
        }, "editor.imageRemoved");
    }

    public String removeFile(long fileId) {
        return change(FILES_UPLOAD, () -> media.removeFile(me.requireId(), product.id(), fileId), "editor.fileRemoved");
    }

    private void upload(String where, PageUploads.Upload action, String successKey) {
        if (PageUploads.run(where, action, successKey)) {
            show(catalog.ownedProduct(me.requireId(), product.id()));
        }
    }

    private String change(Supplier<Product> action, String successKey) {
        return change(null, action, successKey);
    }

    /**
     * A change that worked reloads the page at its address; one that did not keeps what was typed. Its
     * message shows at {@code where} (a component's client id) or, without one, at the top of the page.
     */
    private String change(String where, Supplier<Product> action, String successKey) {
        try {
            show(action.get());
            PageMessages.infoAt(where, successKey);
            return PageResponses.reloadPage();
        } catch (IllegalArgumentException | CatalogException e) {
            PageMessages.errorAt(where, e.getMessage());
            return null;
        }
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

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
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
