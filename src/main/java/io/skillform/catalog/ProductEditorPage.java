package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.shared.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.function.Supplier;

/** Backs /dashboard/product?id=…: edit, publish, unpublish one of the creator's own products. */
@Named
@ViewScoped
public class ProductEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    /** Raw from the URL: anything but a number is simply "not found". */
    private String id;
    private Product product;
    private String title;
    private String description;
    private String price;

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
    }

    public void save() {
        change(() -> {
            long priceMinor = Money.ofMajor(price, product.price().currency()).minor();
            return catalog.reviseProduct(me.requireId(), product.id(), title, description, priceMinor);
        }, "editor.saved");
    }

    public void publish() {
        change(() -> catalog.publish(me.requireId(), product.id()), "editor.published");
    }

    public void unpublish() {
        change(() -> catalog.unpublish(me.requireId(), product.id()), "editor.unpublished");
    }

    private void change(Supplier<Product> action, String successKey) {
        try {
            show(action.get());
            PageMessages.info(successKey);
        } catch (IllegalArgumentException | CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
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
}
