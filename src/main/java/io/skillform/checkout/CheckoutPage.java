package io.skillform.checkout;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.Ids;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/** Backs /checkout?product=ID: who the purchase is for (and, for pay-what-you-want, how much), then off to pay. */
@Named
@ViewScoped
public class CheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Catalog catalog;

    @Inject
    private transient Checkout checkout;

    @Inject
    private CurrentAccount me;

    private Long productId;
    private Product product;
    private String email;
    private String amount;

    /** View action: 404 for anything not on sale, so unpublished products stay invisible. */
    public void load() throws IOException {
        Optional<Product> found = Optional.ofNullable(productId).flatMap(catalog::findPublished);
        if (found.isEmpty()) {
            PageResponses.notFound();
            return;
        }
        product = found.get();
        if (email == null && me.isLoggedIn()) {
            email = me.getEmail();
        }
        if (amount == null && product.isPayWhatYouWant()) {
            amount = product.price().toMajor().toPlainString();
        }
    }

    /** Starts (or resumes) the checkout and leaves for the PSP's page, or for the order when nothing is to pay. */
    public void pay() throws IOException {
        Order order;
        try {
            Long accountId = me.isLoggedIn() ? me.requireId() : null;
            // The account when signed in, else this browser's session (its id only ever stored hashed).
            String requester = accountId != null ? "account:" + accountId
                    : "session:" + FacesContext.getCurrentInstance().getExternalContext().getSessionId(true);
            order = checkout.start(new CheckoutRequest(productId, email, product.isPayWhatYouWant() ? amount : null, accountId, requester));
        } catch (CheckoutException e) {
            PageMessages.errorText(e.getMessage());
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String target = order.paymentUrl()
                .orElse(faces.getExternalContext().getRequestContextPath() + "/order?ref=" + order.reference());
        faces.getExternalContext().redirect(target);
    }

    public Product getProduct() {
        return product;
    }

    public String getProductId() {
        return productId == null ? null : String.valueOf(productId);
    }

    /** From the URL: anything but an id ("abc", "-1", 20 digits) names nothing, and the page answers 404. */
    public void setProductId(String productId) {
        this.productId = Ids.parse(productId).orElse(null);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
