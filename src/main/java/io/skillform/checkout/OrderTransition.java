package io.skillform.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in an order's history: from, to, and what caused it (an event id, a buyer action, reconciliation). */
@Entity
@Table(name = "order_transition")
public class OrderTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false, length = 24)
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false, length = 24)
    private OrderStatus to;

    @Column(nullable = false, updatable = false, length = 200)
    private String cause;

    @Column(nullable = false, updatable = false)
    private Instant at;

    protected OrderTransition() {
        // for JPA
    }

    OrderTransition(Order order, OrderStatus from, OrderStatus to, String cause, Instant at) {
        this.order = order;
        this.from = from;
        this.to = to;
        this.cause = cause.length() <= 200 ? cause : cause.substring(0, 200);
        this.at = at;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    public String cause() {
        return cause;
    }

    public Instant at() {
        return at;
    }
}
