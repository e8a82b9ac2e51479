package io.skillform.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A creator's webhook endpoint: where events of their store go, which ones, and the secret they are signed with.
 * Refuses a malformed URL, an unknown event type or none at all; counts failed attempts in a row and says when that
 * makes it disabled.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public enum Status { ENABLED, DISABLED }

    static final int MAX_DESCRIPTION = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private long storeId;

    @Column(nullable = false, length = EndpointUrl.MAX_LENGTH)
    private String url;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    /** Subscribed types' wire names, separated by spaces. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    WebhookEndpoint(long storeId, EndpointUrl url, String description, Collection<WebhookEventType> events,
                    WebhookSecret secret, Instant now) {
        this.storeId = storeId;
        this.url = url.toString();
        this.description = checkedDescription(description);
        this.events = checkedEvents(events);
        this.secret = secret.value();
        this.status = Status.ENABLED;
        this.createdAt = now;
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A description is at most " + MAX_DESCRIPTION + " characters.");
        }
        return description.strip();
    }

    private static String checkedEvents(Collection<WebhookEventType> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one event to send.");
        }
        if (events.contains(WebhookEventType.WEBHOOK_TEST)) {
            throw new IllegalArgumentException("Test events are sent on request, not subscribed to.");
        }
        return String.join(" ", events.stream().distinct().sorted().map(WebhookEventType::wireName).toList());
    }

    public boolean subscribes(WebhookEventType type) {
        return events().contains(type);
    }

    /** A new secret; the old one keeps signing (alongside) until {@code now + grace}. */
    WebhookSecret rotateSecret(Duration grace, Instant now) {
        WebhookSecret next = WebhookSecret.generate();
        previousSecret = secret;
        previousSecretUntil = now.plus(grace);
        secret = next.value();
        return next;
    }

    /** What deliveries are signed with now: the secret, and the previous one during its grace period. */
    List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(new WebhookSecret(secret)));
        if (previousSecret != null && previousSecretUntil.isAfter(now)) {
            secrets.add(new WebhookSecret(previousSecret));
        }
        return secrets;
    }

    /** A delivered attempt: the endpoint works, the failure count starts again. */
    void succeeded() {
        consecutiveFailures = 0;
        failingSince = null;
    }

    /** A failed attempt; true if it is the one that disables the endpoint. */
    boolean failed(DisablePolicy policy, Instant now) {
        consecutiveFailures++;
        if (failingSince == null) {
            failingSince = now;
        }
        if (status == Status.ENABLED && policy.disables(consecutiveFailures, failingSince, now)) {
            disable("Every attempt failed since " + failingSince + " (" + consecutiveFailures + " in a row).", now);
            return true;
        }
        return false;
    }

    void disable(String reason, Instant now) {
        status = Status.DISABLED;
        disabledReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
        disabledAt = now;
    }

    /** Back in service, with a clean failure count (the creator says it works again). */
    void enable() {
        status = Status.ENABLED;
        disabledReason = null;
        disabledAt = null;
        succeeded();
    }

    public Long id() {
        return id;
    }

    public long storeId() {
        return storeId;
    }

    public String url() {
        return url;
    }

    EndpointUrl endpointUrl() {
        return EndpointUrl.parse(url);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** In the types' declared order, so pages and the API list them the same way every time. */
    public Set<WebhookEventType> events() {
        EnumSet<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(" ")).map(WebhookEventType::parse).forEach(types::add);
        return Collections.unmodifiableSet(types);
    }

    public Status status() {
        return status;
    }

    public boolean isEnabled() {
        return status == Status.ENABLED;
    }

    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    public Optional<Instant> disabledAt() {
        return Optional.ofNullable(disabledAt);
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
