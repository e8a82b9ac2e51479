package io.skillform.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.Slug;
import io.skillform.catalog.StoreHandle;
import io.skillform.identity.Accounts;
import io.skillform.payment.devgateway.DevGateway;
import io.skillform.testing.Deployments;
import io.skillform.testing.TestAccounts;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checkout through the dev gateway in the server: who may resume a pending checkout. */
@ExtendWith(ArquillianExtension.class)
class CheckoutIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(CheckoutIT.class, TestAccounts.class);
    }

    @Inject
    Checkout checkout;

    @Inject
    Orders orders;

    @Inject
    DevGateway gateway;

    @Inject
    Catalog catalog;

    @Inject
    ProductMedia media;

    @Inject
    Accounts accounts;

    @Test
    void someoneElseTypingTheBuyersEmailReplacesTheCheckoutInsteadOfResumingIt() throws Exception {
        Product product = publishedProduct();
        String buyer = TestAccounts.uniqueEmail().value();
        Order mine = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, "session:buyer"));
        Order again = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, "session:buyer"));
        assertEquals(mine.id(), again.id(), "the buyer's second click resumes their checkout");
        assertEquals(mine.paymentUrl(), again.paymentUrl());

        Order theirs = checkout.start(new CheckoutRequest(product.id(), buyer, null, null, "session:someone-else"));

        assertNotEquals(mine.id(), theirs.id(), "not sent to the buyer's payment page");
        assertNotEquals(mine.paymentUrl(), theirs.paymentUrl());
        assertEquals(OrderStatus.EXPIRED, orders.find(mine.id()).orElseThrow().status());
        assertEquals("expired", gateway.find(mine.pspSessionId().orElseThrow(), false).orElseThrow().status(),
                "the first session can no longer be paid alongside the new one");
        assertEquals(OrderStatus.PENDING, orders.find(theirs.id()).orElseThrow().status());
    }

    private Product publishedProduct() throws Exception {
        long owner = TestAccounts.creator(accounts).id();
        catalog.openStore(new StoreHandle("it-" + UUID.randomUUID().toString().substring(0, 8)), "Checkout Test Store",
                Currency.getInstance("USD"), owner);
        Product product = catalog.createProduct(owner, new Slug("handbook"), "Handbook", "Notes.", 1500);
        media.addFile(owner, product.id(), "handbook.pdf", new ByteArrayInputStream(
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        return catalog.publish(owner, product.id());
    }
}
