package io.skillform.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request made with an {@code Idempotency-Key}: what it asked (as a digest) and, once answered, the answer. */
@Entity
@Table(name = "api_idempotency")
public class IdempotentRequest {

    /** SHA-256 of the client's scope and key (see {@link Idempotency}): keys of different clients never meet. */
    @Id
    @Column(name = "idempotency_key", length = 255)
    private String key;

    @Column(nullable = false, updatable = false, length = 40)
    private String operation;

    @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
    private String requestHash;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** The request holding the claim until it answers (a random id per request), and when it last said it is alive. */
    @Column(length = 32)
    private String owner;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    protected IdempotentRequest() {
        // for JPA
    }

    IdempotentRequest(String key, String operation, String requestHash, String owner, Instant now) {
        this.key = key;
        this.operation = operation;
        this.requestHash = requestHash;
        this.owner = owner;
        this.createdAt = now;
        this.heartbeatAt = now;
    }

    boolean asks(String operation, String requestHash) {
        return this.operation.equals(operation) && this.requestHash.equals(requestHash);
    }

    void answered(int status, String body, Instant now) {
        responseStatus = status;
        responseBody = body;
        completedAt = now;
    }

    boolean isAnswered() {
        return responseStatus != null;
    }

    /** Whether this request still holds the unanswered claim (not taken over by a retry, as when it seemed dead). */
    boolean isClaimedBy(String request) {
        return !isAnswered() && request.equals(owner);
    }

    int responseStatus() {
        return responseStatus;
    }

    String responseBody() {
        return responseBody;
    }
}
