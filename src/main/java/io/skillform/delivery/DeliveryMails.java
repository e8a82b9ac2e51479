package io.skillform.delivery;

import io.skillform.identity.EmailAddress;
import io.skillform.mail.MailMessage;
import io.skillform.platform.Html;
import io.skillform.shared.Money;
import io.skillform.shared.OrderNumber;
import io.skillform.storage.Sizes;
import java.util.List;
import java.util.Locale;

/**
 * The mails of delivery. The receipt, in plain text and HTML: what was bought from whom and for how much, a download
 * link per file with its limits, and the way back to the files once the links are spent (the library). A fresh link
 * asked for from a spent one, and the one-time link to a guest's library.
 */
final class DeliveryMails {

    /** A file's link as the receipt shows it: {@code downloads} is what is left of the purchase's, shared by its links. */
    record FileLink(String title, String fileName, long size, String pageUrl, String downloadUrl, int downloads, int hours) {
    }

    private DeliveryMails() {
    }

    /** @param courses the player's address of each course bought */
    static MailMessage receipt(Purchase purchase, String storeName, List<FileLink> files, List<String> courses, String orderUrl,
                               String libraryUrl) {
        String subject = "Your receipt from " + storeName + " — order " + OrderNumber.of(purchase.reference());
        return new MailMessage(purchase.buyer(), subject.length() <= 200 ? subject : subject.substring(0, 200),
                text(purchase, storeName, files, courses, orderUrl, libraryUrl), html(purchase, storeName, files, courses, orderUrl, libraryUrl),
                files.stream().map(FileLink::pageUrl).toList());
    }

    private static String text(Purchase purchase, String storeName, List<FileLink> files, List<String> courses, String orderUrl,
                               String libraryUrl) {
        StringBuilder text = new StringBuilder()
                .append("Thank you for your purchase from ").append(storeName).append(".\n\n")
                .append("Order ").append(OrderNumber.of(purchase.reference())).append('\n');
        for (Purchase.Item item : purchase.items()) {
            text.append("  ").append(item.title()).append("  ").append(price(item)).append('\n');
        }
        text.append("Total: ").append(purchase.total().format(Locale.US)).append("\n\n");
        courses.forEach(course -> text.append("Start your course: ").append(course).append("\n\n"));
        if (files.isEmpty() && courses.isEmpty()) {
            text.append("This purchase has no files to download.\n");
        } else if (!files.isEmpty()) {
            text.append("Your downloads:\n");
            for (FileLink file : files) {
                text.append("  ").append(file.fileName()).append(" (").append(Sizes.format(file.size())).append(")\n  ")
                        .append(file.pageUrl()).append("\n  ").append(limits(file)).append("\n\n");
            }
        }
        return text.append("Your library, with fresh links whenever you need them: ").append(libraryUrl).append('\n')
                .append("Your order: ").append(orderUrl).append('\n')
                .append("Sent to ").append(purchase.buyer().value()).append(". Do not forward this e-mail: its links are yours.\n")
                .toString();
    }

    private static String html(Purchase purchase, String storeName, List<FileLink> files, List<String> courses, String orderUrl,
                               String libraryUrl) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">")
                .append("<p>Thank you for your purchase from <strong>").append(Html.escape(storeName)).append("</strong>.</p>")
                .append("<table cellpadding=\"4\"><caption style=\"text-align:left\">Order ").append(OrderNumber.of(purchase.reference())).append("</caption>");
        for (Purchase.Item item : purchase.items()) {
            html.append("<tr><td>").append(Html.escape(item.title())).append("</td><td style=\"text-align:right\">")
                    .append(Html.escape(price(item))).append("</td></tr>");
        }
        html.append("<tr><th style=\"text-align:left\">Total</th><th style=\"text-align:right\">")
                .append(Html.escape(purchase.total().format(Locale.US))).append("</th></tr></table>");
        courses.forEach(course -> html.append("<p><a href=\"").append(Html.escape(course)).append("\">Start your course</a></p>"));
        if (files.isEmpty() && courses.isEmpty()) {
            html.append("<p>This purchase has no files to download.</p>");
        } else if (!files.isEmpty()) {
            html.append("<h2 style=\"font-size:1.1em\">Your downloads</h2><ul>");
            for (FileLink file : files) {
                html.append("<li><a href=\"").append(Html.escape(file.pageUrl())).append("\">").append(Html.escape(file.fileName()))
                        .append("</a> (").append(Sizes.format(file.size())).append(")<br><small>").append(limits(file))
                        .append("</small></li>");
            }
            html.append("</ul>");
        }
        return html.append("<p><a href=\"").append(Html.escape(libraryUrl)).append("\">Your library</a>, with fresh links whenever you need them.")
                .append(" · <a href=\"").append(Html.escape(orderUrl)).append("\">Your order</a></p>")
                .append("<p style=\"color:#666\">Sent to ").append(Html.escape(purchase.buyer().value()))
                .append(". Do not forward this e-mail: its links are yours.</p></body></html>")
                .toString();
    }

    private static String price(Purchase.Item item) {
        return item.amount().isZero() ? "Free" : item.amount().format(Locale.US);
    }

    private static String limits(FileLink file) {
        String lifetime = "This link works for " + file.hours() + (file.hours() == 1 ? " hour" : " hours");
        if (file.downloads() == 0) {
            return lifetime + ", but this purchase's downloads of the file are used up: the seller can allow you more.";
        }
        return lifetime + "; your purchase has " + file.downloads() + (file.downloads() == 1 ? " download" : " downloads")
                + " of this file left, whichever link you use.";
    }

    static MailMessage freshLink(EmailAddress to, FileLink file, String libraryUrl) {
        String text = "Here is a fresh download link for " + file.fileName() + " (" + file.title() + ", "
                + Sizes.format(file.size()) + "):\n\n" + file.pageUrl() + "\n" + limits(file) + "\n\n"
                + "Your library, with fresh links whenever you need them: " + libraryUrl + "\n"
                + "Someone asked for this link from an expired or used-up one. If it was not you, you can ignore this e-mail:"
                + " the link was sent only to you.\n";
        return new MailMessage(to, "A fresh download link for " + shorten(file.fileName(), 150), text, null, List.of(file.pageUrl()));
    }

    static MailMessage libraryLink(EmailAddress to, String url) {
        String text = "Open your SkillForm library — every purchase made with " + to.value() + " — with this link:\n\n"
                + url + "\n\nIt works once, within " + LibraryLink.LIFETIME.toMinutes() + " minutes. If you did not ask for it,"
                + " ignore this e-mail.\n";
        return new MailMessage(to, "Your library link", text, null, List.of(url));
    }

    /** To the store's owner: what sold, for how much, to whom, and where the order is (turned off in the store settings). */
    static MailMessage sale(EmailAddress owner, Purchase purchase, String orderUrl, String settingsUrl) {
        String what = purchase.items().stream().map(Purchase.Item::title).reduce((a, b) -> a + ", " + b).orElse("");
        String text = "You made a sale: " + what + " for " + purchase.total().format(Locale.US) + ", bought by "
                + purchase.buyer().value() + " (order " + OrderNumber.of(purchase.reference()) + ").\n\n"
                + "The order, its downloads and refunds: " + orderUrl + "\n\n"
                + "The earnings show as pending on your dashboard until the payment provider settles them.\n"
                + "You get this mail for every sale; turn it off in your store settings: " + settingsUrl + "\n";
        return new MailMessage(owner, shorten("You made a sale: " + what + " — " + purchase.total().format(Locale.US), 200), text, null);
    }

    /** To the buyer, once for each refund: how much came back, and what it means for the downloads. */
    static MailMessage refundNotice(Purchase purchase, String storeName, Money refundedNow, String orderUrl) {
        String text = storeName + " refunded " + refundedNow.format(Locale.US) + " of your order "
                + OrderNumber.of(purchase.reference()) + " (" + purchase.total().format(Locale.US) + " in all"
                + (purchase.refunded().equals(purchase.total()) ? ", now refunded in full" : ", "
                        + purchase.refunded().format(Locale.US) + " refunded so far") + ").\n\n"
                + "Your bank or card shows the money back within 5–10 business days, depending on the bank.\n"
                + (purchase.entitled() ? "Your downloads keep working.\n"
                        : "The purchase's downloads no longer work.\n")
                + "Your order: " + orderUrl + "\n";
        return new MailMessage(purchase.buyer(), shorten("Refund from " + storeName + " — order " + OrderNumber.of(purchase.reference()), 200),
                text, null);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
