package io.skillform.delivery;

import io.skillform.checkout.Orders;
import io.skillform.identity.CurrentAccount;
import io.skillform.identity.EmailAddress;
import io.skillform.platform.DateFormatter;
import io.skillform.platform.PageMessages;
import io.skillform.shared.OrderNumber;
import io.skillform.storage.Sizes;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs /library/: a signed-in buyer's purchases, or a guest's who opened it with a one-time link; anyone else gets
 * the form that e-mails such a link. "Download" issues a fresh link and sends the browser to it.
 */
@Named
@ViewScoped
public class LibraryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Library library;

    @Inject
    private transient CurrentAccount me;

    @Inject
    private GuestLibrary guest;

    @Inject
    private DateFormatter dates;

    @Inject
    private transient Orders orders;

    private String email;
    private String token;
    private List<Library.Entry> entries;
    private Map<Long, String> references;

    public Optional<Library.Viewer> viewer() {
        if (me.isLoggedIn()) {
            return Optional.of(Library.Viewer.account(me.requireId()));
        }
        return guest.email().map(Library.Viewer::guest);
    }

    public boolean isOpen() {
        return viewer().isPresent();
    }

    public String getGuestEmail() {
        return me.isLoggedIn() ? "" : guest.email().map(EmailAddress::value).orElse("");
    }

    public List<Library.Entry> getEntries() {
        if (entries == null) {
            entries = viewer().map(library::of).orElse(List.of());
        }
        return entries;
    }

    /** The order's number as its receipt quotes it. */
    public String orderNumber(long orderId) {
        if (references == null) {
            references = orders.referencesOf(getEntries().stream().map(Library.Entry::orderId).toList());
        }
        return Optional.ofNullable(references.get(orderId)).map(OrderNumber::of).orElse("");
    }

    public String size(long bytes) {
        return Sizes.format(bytes);
    }

    /** "4 downloads left" — the purchase's, whichever link is used — and until when the latest link works. */
    public String linkState(Library.FileEntry file) {
        int left = file.downloadsLeft();
        return file.linkExpiresAt() == null ? PageMessages.text("library.downloadsLeft", left)
                : PageMessages.text("library.linkState", left, dates.format(file.linkExpiresAt()));
    }

    public void download(long grantId) throws IOException {
        Optional<Library.Viewer> viewer = viewer();
        if (viewer.isEmpty()) {
            PageMessages.error("library.signIn");
            return;
        }
        try {
            FacesContext.getCurrentInstance().getExternalContext().redirect(library.link(viewer.get(), grantId).url());
        } catch (DeliveryException refused) {
            PageMessages.errorText(refused.getMessage());
        }
    }

    /** The same answer whether or not the address bought anything here. */
    public void sendLink() {
        Optional<EmailAddress> address = EmailAddress.parse(email);
        if (address.isEmpty()) {
            PageMessages.errorFor("guest:email", "Enter a valid e-mail address");
            return;
        }
        library.sendLink(address.get());
        PageMessages.info("library.linkSent", address.get().value());
        email = null;
    }

    /**
     * "Open my library" on /library/open?token=…: spends the link, then opens the library in a new session id (no
     * fixation). A button, not the page's GET, spends it: mail scanners open every link in a mail.
     */
    public void open() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<EmailAddress> proven = library.open(token);
        if (proven.isEmpty()) {
            PageMessages.error("library.linkInvalid");
            return;
        }
        ((HttpServletRequest) faces.getExternalContext().getRequest()).changeSessionId();
        guest.open(proven.get());
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/library/");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
