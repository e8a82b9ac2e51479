package io.skillform.mail;

import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs /admin/mail: mail that has not gone out, and "send again". */
@Named
@ViewScoped
public class AdminMailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailAdministration administration;

    private List<OutboundMail> stuck;

    @PostConstruct
    void load() {
        stuck = administration.stuck();
    }

    public void retry(long outboundMailId) {
        administration.retry(outboundMailId);
        PageMessages.info("adminMail.retried");
        load();
    }

    public List<OutboundMail> getStuck() {
        return stuck;
    }
}
