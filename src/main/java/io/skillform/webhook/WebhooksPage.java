package io.skillform.webhook;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backs /dashboard/webhooks: the creator's endpoints, a new or rotated secret (shown once, in this view only) and the
 * delivery log of the endpoint chosen, a page at a time.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @Inject
    private WebhookEndpoints endpoints;

    @Inject
    private CurrentAccount me;

    private String newUrl;
    private String newDescription;
    private List<String> newEvents = new ArrayList<>();
    private IssuedSecret issued;
    private List<WebhookEndpoint> list;
    private Long shown;
    private int offset;
    private List<WebhookDelivery> deliveries = List.of();
    private long deliveryCount;
    private Long attemptsOf;
    private List<WebhookAttempt> attempts = List.of();

    @PostConstruct
    void load() {
        list = endpoints.endpointsOf(me.requireId());
        if (shown != null) {
            deliveries = endpoints.deliveries(me.requireId(), shown, offset, PAGE);
            deliveryCount = endpoints.countDeliveries(me.requireId(), shown);
        }
        attempts = attemptsOf == null ? List.of() : endpoints.attempts(me.requireId(), attemptsOf);
    }

    public List<String> getEventTypes() {
        return WebhookEventType.subscribable().stream().map(WebhookEventType::wireName).toList();
    }

    public void add() {
        act("webhooks.added", owner -> {
            issued = endpoints.register(owner, newUrl, newDescription, newEvents);
            newUrl = null;
            newDescription = null;
            newEvents = new ArrayList<>();
        });
    }

    public void rotate(long endpointId) {
        act("webhooks.rotated", owner -> issued = endpoints.rotateSecret(owner, endpointId));
    }

    public void disable(long endpointId) {
        act("webhooks.disabled", owner -> endpoints.disable(owner, endpointId));
    }

    public void enable(long endpointId) {
        act("webhooks.enabled", owner -> endpoints.enable(owner, endpointId));
    }

    public void delete(long endpointId) {
        act("webhooks.deleted", owner -> {
            endpoints.delete(owner, endpointId);
            if (Long.valueOf(endpointId).equals(shown)) {
                shown = null;
                attemptsOf = null;
            }
        });
    }

    public void sendTest(long endpointId) {
        act("webhooks.testSent", owner -> endpoints.sendTest(owner, endpointId));
    }

    public void sendAgain(long deliveryId) {
        act("webhooks.sentAgain", owner -> endpoints.sendAgain(owner, deliveryId));
    }

    public void show(long endpointId) {
        shown = endpointId;
        offset = 0;
        attemptsOf = null;
        reload();
    }

    public void showAttempts(long deliveryId) {
        attemptsOf = deliveryId;
        reload();
    }

    public void older() {
        offset += PAGE;
        reload();
    }

    public void newer() {
        offset = Math.max(0, offset - PAGE);
        reload();
    }

    /** Runs a use case for the signed-in creator, says how it went, and reads the page's lists again. */
    private void act(String doneKey, Consumer<Long> useCase) {
        try {
            useCase.accept(me.requireId());
            PageMessages.info(doneKey);
        } catch (WebhookException e) {
            PageMessages.errorText(e.getMessage());
        }
        reload();
    }

    /** The lists again; an endpoint deleted meanwhile (in another tab) is no longer shown. */
    private void reload() {
        try {
            load();
        } catch (WebhookException gone) {
            shown = null;
            attemptsOf = null;
            load();
        }
    }

    public List<WebhookEndpoint> getEndpoints() {
        return list;
    }

    public IssuedSecret getIssued() {
        return issued;
    }

    public Long getShown() {
        return shown;
    }

    public List<WebhookDelivery> getDeliveries() {
        return deliveries;
    }

    public boolean isHasOlder() {
        return offset + PAGE < deliveryCount;
    }

    public boolean isHasNewer() {
        return offset > 0;
    }

    public long getDeliveryCount() {
        return deliveryCount;
    }

    public Long getAttemptsOf() {
        return attemptsOf;
    }

    public List<WebhookAttempt> getAttempts() {
        return attempts;
    }

    public String getNewUrl() {
        return newUrl;
    }

    public void setNewUrl(String newUrl) {
        this.newUrl = newUrl;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public List<String> getNewEvents() {
        return newEvents;
    }

    public void setNewEvents(List<String> newEvents) {
        this.newEvents = newEvents;
    }
}
