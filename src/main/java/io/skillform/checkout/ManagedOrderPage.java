package io.skillform.checkout;

import io.skillform.delivery.DeliveryException;
import io.skillform.delivery.DownloadLog;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.Ids;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.shared.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backs /dashboard/order?id=: one order for its creator or an admin — history, refunds and "refund", the buyer's
 * downloads (what each file allows, "allow more downloads", links used from many addresses flagged) and "send the
 * receipt again".
 */
@Named
@ViewScoped
public class ManagedOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Orders orders;

    @Inject
    private transient Refunds refunds;

    @Inject
    private transient RefundRecords refundRecords;

    @Inject
    private transient DownloadLog downloadLog;

    @Inject
    private CurrentAccount me;

    private Long id;
    private Order order;
    private List<Refund> refundList;
    private List<DownloadLog.Line> downloads;
    private List<DownloadLog.SharedLink> sharedLinks;
    private List<DownloadLog.Allowance> allowances;
    private String amount;
    private Integer moreDownloads;

    /** 404 for an order that is not the visitor's to manage, as for one that does not exist. */
    public void load() throws IOException {
        if (id == null || !reload()) {
            PageResponses.notFound();
            return;
        }
        amount = order.refundable().toMajor().toPlainString();
    }

    private boolean reload() {
        try {
            order = orders.managedBy(me.requireId(), id);
        } catch (CheckoutException notYours) {
            return false;
        }
        refundList = refundRecords.of(id);
        downloads = downloadLog.of(id);
        sharedLinks = downloadLog.sharedLinks(id);
        allowances = downloadLog.allowances(id);
        return true;
    }

    /** "Allow N more downloads" of one of the order's files; checked again on the server (the order's creator or an admin). */
    public void allowMoreDownloads(long grantId) {
        try {
            int allowed = orders.allowMoreDownloads(me.requireId(), id, grantId, moreDownloads);
            PageMessages.info("order.downloadsAllowed", moreDownloads, allowed);
            moreDownloads = null;
        } catch (CheckoutException | DeliveryException refused) {
            PageMessages.errorText(refused.getMessage());
        }
        reload();
    }

    /** Another copy of the receipt to the buyer (never to the creator), with fresh links. */
    public void resendReceipt() {
        if (!reload()) {
            PageMessages.errorText("No such order.");
            return;
        }
        try {
            orders.resendReceipt(id);
            PageMessages.info("order.receiptSent", order.buyerEmail());
        } catch (DeliveryException e) {
            PageMessages.errorText(e.getMessage());
        }
    }

    public void refund() {
        Money money;
        try {
            money = Money.ofMajor(amount, order.total().currency());
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("refund:amount", e.getMessage());
            return;
        }
        try {
            Refund refund = refunds.refund(me.requireId(), id, money);
            PageMessages.info(refund.status() == Refund.Status.SUCCEEDED ? "order.refundDone" : "order.refundPending");
        } catch (CheckoutException e) {
            PageMessages.errorText(e.getMessage());
        }
        reload();
        amount = order.refundable().toMajor().toPlainString();
    }

    public Order getOrder() {
        return order;
    }

    public List<Refund> getRefunds() {
        return refundList;
    }

    public List<DownloadLog.Line> getDownloads() {
        return downloads;
    }

    public List<DownloadLog.SharedLink> getSharedLinks() {
        return sharedLinks;
    }

    public List<DownloadLog.Allowance> getAllowances() {
        return allowances;
    }

    public String allowanceText(DownloadLog.Allowance allowance) {
        return PageMessages.text("order.downloadsUsed", allowance.used(), allowance.allowed());
    }

    public Integer getMoreDownloads() {
        return moreDownloads;
    }

    public void setMoreDownloads(Integer moreDownloads) {
        this.moreDownloads = moreDownloads;
    }

    public String sharedLinkText(DownloadLog.SharedLink shared) {
        return PageMessages.text("order.sharedLink", shared.fileName(), String.valueOf(shared.addresses()));
    }

    public String getId() {
        return id == null ? null : String.valueOf(id);
    }

    /** From the URL: anything but an id ("abc", "-1", 20 digits) names nothing, and the page answers 404. */
    public void setId(String id) {
        this.id = Ids.parse(id).orElse(null);
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
