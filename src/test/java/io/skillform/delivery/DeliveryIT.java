package io.skillform.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.Pricing;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.ProductRevision;
import io.skillform.catalog.Slug;
import io.skillform.catalog.StoreHandle;
import io.skillform.catalog.StoreProfile;
import io.skillform.checkout.Checkout;
import io.skillform.checkout.CheckoutException;
import io.skillform.checkout.CheckoutRequest;
import io.skillform.checkout.Order;
import io.skillform.checkout.OrderStatus;
import io.skillform.checkout.Orders;
import io.skillform.checkout.Refunds;
import io.skillform.identity.Accounts;
import io.skillform.identity.EmailAddress;
import io.skillform.mail.DevMailCatcher;
import io.skillform.payment.devgateway.DevGateway;
import io.skillform.payment.devgateway.DevWebhookSender;
import io.skillform.shared.Money;
import io.skillform.storage.BlobKey;
import io.skillform.storage.BlobStore;
import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import io.skillform.testing.MovableClock;
import io.skillform.testing.TestAccounts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery inside WildFly on MariaDB, over real HTTP to the server's own download links: a dev-gateway payment whose
 * webhook arrives three times sends exactly one receipt through the SMTP server; its link serves the file byte for
 * byte and stops once the purchase's downloads are used (410, whichever link — until the creator allows more), when it
 * expires (the clock moved 25 hours; then a fresh link by e-mail), when tampered with (404) and after a refund;
 * parallel clicks on one link or many never exceed the purchase's count; a 110 MB download resumes.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STORE = "Delivery Test Store";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/file\\?t=([A-Za-z0-9_-]{43})");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SERVER = "http://127.0.0.1:"
            + (Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0));

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(DeliveryIT.class, TestAccounts.class, MovableClock.class);
    }

    @Inject
    Catalog catalog;

    @Inject
    ProductMedia media;

    @Inject
    Accounts accounts;

    @Inject
    Checkout checkout;

    @Inject
    Orders orders;

    @Inject
    Refunds refunds;

    @Inject
    DevGateway gateway;

    @Inject
    DevWebhookSender webhooks;

    @Inject
    DevMailCatcher mail;

    @Inject
    DownloadLog log;

    @Inject
    Library library;

    @Inject
    Downloads downloads;

    @Inject
    BlobStore blobs;

    @Inject
    Deliveries deliveries;

    @Resource
    UserTransaction tx;

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void oneReceiptWhoseLinksServeTheFileUntilUsedUpExpiredTamperedOrRefunded() throws Exception {
        byte[] handbook = "%PDF-1.4\nThe handbook, chapter one.\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Shop shop = shop(3, handbook, "Field Guide (2nd ed.).pdf");
        String buyer = TestAccounts.uniqueEmail().value();
        Order order = pay(shop, buyer);
        // The webhook again, twice more — as a PSP retrying would send it.
        String completed = gateway.events(Instant.now().minus(Duration.ofMinutes(5)), null).rawEvents().stream()
                .filter(e -> e.contains(order.pspSessionId().orElseThrow()) && e.contains("checkout.session.completed"))
                .findFirst().orElseThrow();
        webhooks.deliver(completed);
        webhooks.deliver(completed);
        String receipt = text(receiptTo(buyer, order));
        // And the paid order brought up to date once more, as reconciliation would: nothing new to grant or mail.
        tx.begin();
        List<String> resynced = deliveries.sync(orders.find(order.id()).orElseThrow().purchase());
        tx.commit();
        assertEquals(List.of(), resynced);
        Thread.sleep(3000); // the repeated deliveries have been answered and processed by now
        assertEquals(1, mailsTo(buyer, receiptSubject(order)).size(), "exactly one receipt");
        assertTrue(receipt.contains("Total: $15.00") && receipt.contains("Field Guide (2nd ed.).pdf"), receipt);
        assertTrue(receipt.contains("This link works for 24 hours; your purchase has 3 downloads of this file left, whichever link you use."),
                receipt);

        String token = token(receipt);
        // The mail links to the file's page: opened (by the buyer, or first by a mail scanner), it spends nothing.
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER + "/file?t=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Field Guide (2nd ed.).pdf") && page.body().contains("3 downloads left of your purchase"), page.body());
            assertTrue(page.body().contains("href=\"/download/" + token + "\""), "the button downloads");
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        }
        for (int i = 1; i <= 3; i++) {
            HttpResponse<byte[]> download = get(token);
            assertEquals(200, download.statusCode(), "download " + i);
            assertArrayEquals(handbook, download.body());
        }
        HttpResponse<byte[]> usedUp = get(token);
        assertEquals(410, usedUp.statusCode(), "a fourth download is one too many");
        String spent = "This file has been downloaded as many times as the purchase allows. The seller can allow you more downloads.";
        assertTrue(body(usedUp).contains(spent) && !body(usedUp).contains("E-mail me a fresh link"), body(usedUp));
        String usedUpPage = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER + "/file?t=" + token)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(usedUpPage.contains(spent) && !usedUpPage.contains("E-mail me a fresh link"), usedUpPage);
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(SERVER + "/file?t=" + "A".repeat(43))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "an unknown link has no page");
        assertEquals(3, log.of(order.id()).size(), "three downloads logged");

        // The downloads were the purchase's, not the link's: no other link brings more — the library refuses one, a
        // fresh link by e-mail is refused (the 410 says why), and a copy of the receipt is a link that says it is used up.
        Library.Viewer guest = Library.Viewer.guest(new EmailAddress(buyer));
        long grant = library.of(guest).get(0).files().get(0).grantId();
        assertThrows(DeliveryException.UsedUp.class, () -> library.link(guest, grant));
        HttpResponse<byte[]> noFresh = post(token);
        assertEquals(410, noFresh.statusCode());
        assertTrue(body(noFresh).contains("downloads of this file are used up, so a fresh link would not work either"), body(noFresh));

        // The creator allows this buyer two more: the same link works again, and a fresh one draws on the same two.
        assertEquals(5, orders.allowMoreDownloads(shop.owner(), order.id(), grant, 2));
        assertEquals(200, get(token).statusCode(), "the fourth download, allowed by the creator");
        String libraryUrl = library.link(guest, grant).url();
        String fresh = libraryUrl.substring(libraryUrl.lastIndexOf('/') + 1);
        HttpResponse<byte[]> again = get(fresh);
        assertEquals(200, again.statusCode());
        assertEquals("attachment; filename=\"Field Guide (2nd ed.).pdf\"; filename*=UTF-8''Field%20Guide%20%282nd%20ed.%29.pdf",
                again.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("no-referrer", again.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals(String.valueOf(handbook.length), again.headers().firstValue("Content-Length").orElse(""));
        assertEquals("\"" + sha256(handbook) + "\"", again.headers().firstValue("ETag").orElse(""));
        assertTrue(again.headers().firstValue("Last-Modified").isPresent());

        // Tampered or malformed: as if it never existed.
        char last = fresh.charAt(fresh.length() - 1);
        assertEquals(404, get(fresh.substring(0, fresh.length() - 1) + (last == 'A' ? 'B' : 'A')).statusCode());
        assertEquals(404, get("not-a-token").statusCode());

        assertEquals(410, get(token).statusCode(), "both allowed downloads taken, one on each link");

        // Two more; 25 hours later the links have expired: a fresh one goes to the buyer's address.
        orders.allowMoreDownloads(shop.owner(), order.id(), grant, 2);
        MovableClock.advance(Duration.ofHours(25));
        HttpResponse<byte[]> expired = get(fresh);
        assertEquals(410, expired.statusCode());
        assertTrue(body(expired).contains("This link has expired.") && body(expired).contains("E-mail me a fresh link")
                && body(expired).contains("action=\"/download/" + fresh + "\""), body(expired));
        String afterExpiry = renew(fresh, buyer);
        assertEquals(200, get(afterExpiry).statusCode());
        MovableClock.reset();

        // Another copy of the receipt, with fresh links: not twice within two minutes.
        DeliveryException tooSoon = assertThrows(DeliveryException.class,
                () -> orders.resendReceipt(order.id()));
        assertTrue(tooSoon.getMessage().startsWith("A receipt was sent a moment ago."), tooSoon.getMessage());
        MovableClock.advance(Duration.ofMinutes(3));
        orders.resendReceipt(order.id());
        MovableClock.reset();
        String copy = text(Eventually.within(PATIENCE, () -> mailsTo(buyer, receiptSubject(order)).stream().skip(1).findFirst())
                .orElseThrow(() -> new AssertionError("the copy arrives")));
        assertTrue(!token(copy).equals(token(receipt)) && get(token(copy)).statusCode() == 200, "the copy has a fresh link");

        // A file the creator adds later reaches this buyer too.
        media.addFile(shop.owner(), shop.product(), "bonus chapter.txt", new ByteArrayInputStream("Bonus".getBytes(StandardCharsets.US_ASCII)));
        List<Library.Entry> bought = library.of(Library.Viewer.guest(new EmailAddress(buyer)));
        assertEquals(List.of("Field Guide (2nd ed.).pdf", "bonus chapter.txt"),
                bought.get(0).files().stream().map(Library.FileEntry::fileName).toList());

        // A full refund revokes every link, and no fresh one is offered.
        refunds.refund(shop.owner(), order.id(), Money.of(1500, Currency.getInstance("USD")));
        assertEquals(OrderStatus.REFUNDED, orders.find(order.id()).orElseThrow().status());
        HttpResponse<byte[]> revoked = get(afterExpiry);
        assertEquals(410, revoked.statusCode());
        assertTrue(body(revoked).contains("refunded or disputed") && !body(revoked).contains("E-mail me a fresh link"), body(revoked));
        assertEquals(410, post(afterExpiry).statusCode(), "no fresh link for a refunded purchase");
        assertTrue(library.of(Library.Viewer.guest(new EmailAddress(buyer))).get(0).files().stream().allMatch(Library.FileEntry::revoked));
    }

    @Test
    void onlyTheStoresCreatorAllowsMoreDownloadsOfItsOwnOrdersFiles() throws Exception {
        Paid paid = paidWithReceipt(1, "one download".getBytes(StandardCharsets.US_ASCII));
        Paid other = paidWithReceipt(1, "another shop's".getBytes(StandardCharsets.US_ASCII));
        long grant = library.of(Library.Viewer.guest(new EmailAddress(paid.order().buyerEmail()))).get(0).files().get(0).grantId();
        long othersGrant = library.of(Library.Viewer.guest(new EmailAddress(other.order().buyerEmail()))).get(0).files().get(0).grantId();

        assertThrows(CheckoutException.class, () -> orders.allowMoreDownloads(other.shop().owner(), paid.order().id(), grant, 5),
                "another store's creator: as if there were no such order");
        assertThrows(DeliveryException.class, () -> orders.allowMoreDownloads(paid.shop().owner(), paid.order().id(), othersGrant, 5),
                "a file of another order, through one's own");
        assertThrows(DeliveryException.class, () -> orders.allowMoreDownloads(paid.shop().owner(), paid.order().id(), grant, 0));
        assertThrows(DeliveryException.class, () -> orders.allowMoreDownloads(paid.shop().owner(), paid.order().id(), grant, 101));
        assertEquals(1, library.of(Library.Viewer.guest(new EmailAddress(paid.order().buyerEmail()))).get(0).files().get(0).downloadsLeft());
        assertEquals(1, library.of(Library.Viewer.guest(new EmailAddress(other.order().buyerEmail()))).get(0).files().get(0).downloadsLeft());
    }

    @Test
    void parallelClicksNeverTakeMoreDownloadsThanThePurchaseHas() throws Exception {
        Paid paid = paidWithReceipt(5, "twenty clicks, five downloads".getBytes(StandardCharsets.US_ASCII));
        Order order = paid.order();
        String token = paid.token();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                clicks.add(pool.submit((Callable<Integer>) () -> get(token).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> click : clicks) {
                statuses.add(click.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, log.of(order.id()).size());

        // A used-up link still resumes for the address that downloaded — not for anyone else, nor as a HEAD.
        assertEquals(206, get(token, "bytes=5-").statusCode());
        assertEquals(Downloads.Access.Refusal.USED_UP, downloads.start(new DownloadToken(token), new RangeRequest("bytes=5-", null),
                new DownloadClient("203.0.113.9", "curl/8")).refusal());
        assertEquals(410, HTTP.send(request(token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(6, log.of(order.id()).size());

        // Free resumes are bounded: two files' worth of bytes per claimed download (29 bytes here: 24 served above,
        // 28 more fit), then a range request claims a use like a new download — and none is left.
        assertEquals(206, get(token, "bytes=1-").statusCode());
        assertEquals(410, get(token, "bytes=1-").statusCode(), "not an endless supply of near-whole copies");
        assertEquals(7, log.of(order.id()).size());
    }

    @Test
    void aFileOurStorageLostCostsTheBuyerNoDownload() throws Exception {
        byte[] notes = "two downloads, one storage failure".getBytes(StandardCharsets.US_ASCII);
        Paid paid = paidWithReceipt(2, notes);
        Order order = paid.order();
        String token = paid.token();
        BlobKey stored = catalog.ownedProduct(paid.shop().owner(), paid.shop().product()).currentFiles().get(0).storageKey();

        blobs.delete(stored);
        assertEquals(500, get(token).statusCode(), "our failure");
        assertEquals(List.of(), log.of(order.id()), "nothing logged, no use taken");

        blobs.write(stored, new ByteArrayInputStream(notes));
        assertArrayEquals(notes, get(token).body());
        assertArrayEquals(notes, get(token).body());
        assertEquals(410, get(token).statusCode(), "both of the link's downloads were still the buyer's");
    }

    @Test
    void aHundredAndTenMegabyteDownloadResumesWhereItStopped() throws Exception {
        long size = 110L * 1024 * 1024;
        Shop shop = shop(5, null, null);
        media.addFile(shop.owner(), shop.product(), "course.mp4", new RandomBytes(size, 42));
        String expected = sha256(new RandomBytes(size, 42));
        String buyer = TestAccounts.uniqueEmail().value();
        Order order = pay(shop, buyer);
        String token = token(text(receiptTo(buyer, order)));

        // The first 40 MB, then the connection drops.
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long stopAt = 40L * 1024 * 1024;
        HttpResponse<InputStream> partial = HTTP.send(request(token).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, partial.statusCode());
        assertEquals(String.valueOf(size), partial.headers().firstValue("Content-Length").orElse(""));
        String etag = partial.headers().firstValue("ETag").orElseThrow();
        try (InputStream in = partial.body()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            while (read < stopAt) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, stopAt - read));
                digest.update(buffer, 0, n);
                read += n;
            }
        }
        // The rest, asked for as a download manager does.
        HttpResponse<InputStream> rest = HTTP.send(request(token).header("Range", "bytes=" + stopAt + "-").header("If-Range", etag).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(206, rest.statusCode());
        assertEquals("bytes " + stopAt + "-" + (size - 1) + "/" + size, rest.headers().firstValue("Content-Range").orElse(""));
        try (InputStream in = new DigestInputStream(rest.body(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(expected, HexFormat.of().formatHex(digest.digest()), "the two parts make the file");
        List<DownloadLog.Line> lines = log.of(order.id());
        assertEquals(2, lines.size());
        assertEquals(stopAt, lines.get(0).resumedAt(), "the resumed request is logged with its offset");

        // A range past the end is refused; one with a stale If-Range gets the whole file (a new download).
        HttpResponse<byte[]> beyond = HTTP.send(request(token).header("Range", "bytes=" + size + "-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + size, beyond.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<InputStream> stale = HTTP.send(request(token).header("Range", "bytes=100-199").header("If-Range", "\"old\"").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stale.statusCode());
        stale.body().close();

        // The same link from three more addresses: the creator sees it flagged as probably shared.
        assertEquals(List.of(), log.sharedLinks(order.id()));
        for (int i = 1; i <= 3; i++) {
            assertTrue(downloads.start(new DownloadToken(token), new RangeRequest(null, null), new DownloadClient("203.0.113." + i, "curl/8"))
                    .isGranted());
        }
        List<DownloadLog.SharedLink> shared = log.sharedLinks(order.id());
        assertEquals(1, shared.size());
        assertEquals("course.mp4", shared.get(0).fileName());
        assertEquals(4, shared.get(0).addresses());
        assertEquals("203.0.113.3", log.of(order.id()).get(0).address());
    }

    // --- the shop and the purchase

    private record Shop(long owner, long product) {
    }

    @Test
    void theCreatorHearsOfEachSaleAndTheBuyerOfEachRefundOnce() throws Exception {
        Shop shop = shop(3, "Notes".getBytes(StandardCharsets.US_ASCII), "notes.txt");
        String owner = accounts.find(shop.owner()).orElseThrow().email().value();
        String buyer = TestAccounts.uniqueEmail().value();
        Order order = pay(shop, buyer);
        String saleSubject = "You made a sale: Field Guide — $15.00";
        String sale = text(Eventually.within(PATIENCE, () -> mailsTo(owner, saleSubject).stream().findFirst())
                .orElseThrow(() -> new AssertionError("the creator hears of the sale")));
        assertTrue(sale.contains("bought by " + buyer + " (order " + order.number() + ")") && sale.contains("/dashboard/order?id="
                + order.id()), sale);

        refunds.refund(shop.owner(), order.id(), Money.of(500, Currency.getInstance("USD")));
        String refundSubject = "Refund from " + STORE + " — order " + order.number();
        String notice = text(Eventually.within(PATIENCE, () -> mailsTo(buyer, refundSubject).stream().findFirst())
                .orElseThrow(() -> new AssertionError("the buyer hears of the refund")));
        assertTrue(notice.contains(STORE + " refunded $5.00 of your order " + order.number() + " ($15.00 in all, $5.00 refunded so far)")
                && notice.contains("Your downloads keep working."), notice);
        // The refund reported again, as a PSP retrying would: the buyer is not told twice.
        tx.begin();
        List<String> resynced = deliveries.sync(orders.find(order.id()).orElseThrow().purchase());
        tx.commit();
        assertEquals(List.of(), resynced);
        refunds.refund(shop.owner(), order.id(), Money.of(1000, Currency.getInstance("USD")));
        Eventually.within(PATIENCE, () -> mailsTo(buyer, refundSubject).stream().skip(1).findFirst()
                        .map(DeliveryIT::textOf).filter(t -> t.contains("refunded $10.00") && t.contains("now refunded in full")
                                && t.contains("The purchase's downloads no longer work.")))
                .orElseThrow(() -> new AssertionError("the second refund is told, with what it means"));
        assertEquals(2, mailsTo(buyer, refundSubject).size());

        // The creator turns the mail off: the next sale is not mailed.
        catalog.changeStoreProfile(shop.owner(), new StoreProfile(STORE, null, List.of(), false));
        String second = TestAccounts.uniqueEmail().value();
        Order next = pay(shop, second);
        receiptTo(second, next);
        assertEquals(1, mailsTo(owner, saleSubject).size(), "no mail for a sale once turned off");
    }

    /** A shop's one file (notes.txt), paid for by a new buyer, and the token of the link in the receipt. */
    private record Paid(Shop shop, Order order, String token) {
    }

    private Paid paidWithReceipt(int downloads, byte[] file) throws Exception {
        Shop shop = shop(downloads, file, "notes.txt");
        String buyer = TestAccounts.uniqueEmail().value();
        Order order = pay(shop, buyer);
        return new Paid(shop, order, token(text(receiptTo(buyer, order))));
    }

    private Shop shop(int downloads, byte[] file, String fileName) throws Exception {
        long owner = TestAccounts.creator(accounts).id();
        catalog.openStore(new StoreHandle("dl-" + UUID.randomUUID().toString().substring(0, 8)), STORE,
                Currency.getInstance("USD"), owner);
        Product product = catalog.createProduct(owner, new Slug("guide"), "Field Guide", "Notes.", 1500);
        catalog.reviseProduct(owner, product.id(), new ProductRevision("Field Guide", "Notes.", 1500, Pricing.FIXED, downloads, 24));
        if (file != null) {
            media.addFile(owner, product.id(), fileName, new ByteArrayInputStream(file));
        }
        return new Shop(owner, product.id());
    }

    private Order pay(Shop shop, String buyer) throws Exception {
        catalog.publish(shop.owner(), shop.product());
        Order order = checkout.start(new CheckoutRequest(shop.product(), buyer, null, null, "session:" + buyer));
        gateway.pay(order.pspSessionId().orElseThrow());
        return Eventually.within(PATIENCE, () -> orders.find(order.id()).filter(o -> o.status() == OrderStatus.PAID))
                .orElseThrow(() -> new AssertionError("order " + order.id() + " was not paid"));
    }

    // --- mail

    private static String receiptSubject(Order order) {
        return "Your receipt from " + STORE + " — order " + order.number();
    }

    private MimeMessage receiptTo(String buyer, Order order) throws InterruptedException {
        return Eventually.within(PATIENCE, () -> mailsTo(buyer, receiptSubject(order)).stream().findFirst())
                .orElseThrow(() -> new AssertionError("no receipt to " + buyer));
    }

    private List<MimeMessage> mailsTo(String to, String subject) {
        return mailsTo(to).stream().filter(m -> subjectOf(m).equals(subject)).toList();
    }

    private List<MimeMessage> mailsTo(String to) {
        return mail.receivedFor(to);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage message) {
        try {
            return text(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
        }
        return (String) content;
    }

    private static String token(String mailText) {
        Matcher link = LINK.matcher(mailText);
        assertTrue(link.find(), "a download link in: " + mailText);
        return link.group(1);
    }

    /** Asks for a fresh link from a spent one; returns the token of the link that arrives by mail. */
    private String renew(String spentToken, String buyer) throws Exception {
        long before = freshLinkMails(buyer).size();
        HttpResponse<byte[]> asked = post(spentToken);
        assertEquals(302, asked.statusCode(), body(asked));
        assertTrue(asked.headers().firstValue("Location").orElse("").endsWith("/link-sent"));
        MimeMessage fresh = Eventually.within(PATIENCE, () -> freshLinkMails(buyer).stream().skip(before).findFirst())
                .orElseThrow(() -> new AssertionError("no fresh link arrived"));
        return token(text(fresh));
    }

    private List<MimeMessage> freshLinkMails(String buyer) {
        return mailsTo(buyer).stream().filter(m -> subjectOf(m).startsWith("A fresh download link for ")).toList();
    }

    // --- HTTP

    private static HttpRequest.Builder request(String token) {
        return HttpRequest.newBuilder(URI.create(SERVER + "/download/" + token)).timeout(Duration.ofMinutes(2));
    }

    private static HttpResponse<byte[]> get(String token) throws Exception {
        return HTTP.send(request(token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String token, String range) throws Exception {
        return HTTP.send(request(token).header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> post(String token) throws Exception {
        return HTTP.send(request(token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code size} pseudo-random bytes from a seed: the same file twice, without keeping it anywhere. */
    private static final class RandomBytes extends InputStream {
        private final SplittableRandom random;
        private long left;

        RandomBytes(long size, long seed) {
            this.left = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            left -= n;
            return n;
        }
    }
}
