package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Backs /dashboard/products: the creator's products (a lazy, paged, sortable table) and "new product". */
@Named
@ViewScoped
public class CreatorProductsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Catalog catalog;

    @Inject
    private CurrentAccount me;

    private Store store;
    private LazyDataModel<Product> products;
    private String title;
    private String slug;
    private ProductType type = ProductType.DOWNLOAD;
    private String price;

    @PostConstruct
    void load() {
        long ownerId = me.requireId();
        store = catalog.storeOf(ownerId).orElse(null);
        products = new OwnProducts(catalog, ownerId);
    }

    public void create() throws IOException {
        if (store == null) {
            PageMessages.error("products.noStore");
            return;
        }
        Optional<Slug> parsedSlug = slug == null || slug.isBlank() ? Optional.of(catalog.freeSlugFor(me.requireId(), title))
                : Slug.parse(slug.strip());
        if (parsedSlug.isEmpty()) {
            PageMessages.errorFor("create:slug", PageMessages.text("products.badSlug"));
            return;
        }
        long priceMinor;
        try {
            priceMinor = Money.ofMajor(price, store.defaultCurrency()).minor();
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("create:price", e.getMessage());
            return;
        }
        try {
            Product product = catalog.createProduct(me.requireId(), parsedSlug.get(), title, "", priceMinor, type);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/dashboard/product?id=" + product.id());
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    /** Pages and sorts in the database: the creator may have thousands of products. */
    static final class OwnProducts extends LazyDataModel<Product> {

        private static final long serialVersionUID = 1L;

        private final Catalog catalog;
        private final long ownerId;

        OwnProducts(Catalog catalog, long ownerId) {
            this.catalog = catalog;
            this.ownerId = ownerId;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, catalog.countProductsOf(ownerId));
        }

        @Override
        public List<Product> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            // PrimeFaces passes every sortable column; only the one the creator clicked is active.
            Optional<SortMeta> column = sortBy.values().stream().filter(SortMeta::isActive).findFirst();
            // Columns are named by their ids (title, price, status, created): the key ends with the id.
            ProductSort sort = column.flatMap(meta -> ProductSort.of(meta.getColumnKey().replaceAll(".*:", "")))
                    .orElse(ProductSort.CREATED);
            boolean ascending = column.map(meta -> meta.getOrder() == SortOrder.ASCENDING).orElse(false);
            return catalog.productsOf(ownerId, sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Product product) {
            return String.valueOf(product.id());
        }
    }

    public Store getStore() {
        return store;
    }

    public LazyDataModel<Product> getProducts() {
        return products;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public ProductType getType() {
        return type;
    }

    public void setType(ProductType type) {
        this.type = type == null ? ProductType.DOWNLOAD : type;
    }

    public ProductType[] getTypes() {
        return ProductType.values();
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
