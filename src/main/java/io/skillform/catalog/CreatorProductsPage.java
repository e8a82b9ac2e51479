package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Backs /dashboard/products: the creator's products and "new product". */
@Named
@ViewScoped
public class CreatorProductsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    private Store store;
    private List<Product> products;
    private String title;
    private String slug;
    private String price;

    @PostConstruct
    void load() {
        store = catalog.storeOf(me.requireId()).orElse(null);
        products = catalog.productsOf(me.requireId());
    }

    public void create() throws IOException {
        Optional<Slug> parsedSlug = Slug.parse(slug);
        if (store == null || parsedSlug.isEmpty()) {
            PageMessages.error(store == null ? "products.noStore" : "products.badSlug");
            return;
        }
        try {
            long priceMinor = Money.ofMajor(price, store.defaultCurrency()).minor();
            Product product = catalog.createProduct(me.requireId(), parsedSlug.get(), title, "", priceMinor);
            FacesContext.getCurrentInstance().getExternalContext()
                    .redirect(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/dashboard/product?id=" + product.id());
        } catch (IllegalArgumentException | CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public Store getStore() {
        return store;
    }

    public List<Product> getProducts() {
        return products;
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

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }
}
