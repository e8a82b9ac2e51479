package io.skillform.checkout;

import io.skillform.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One product in an order, with the title and amount as they were when the buyer paid. */
@Entity
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(name = "product_id", nullable = false, updatable = false)
    private long productId;

    @Column(nullable = false, updatable = false, length = 140)
    private String title;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false)),
        @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, updatable = false, length = 3))
    })
    private Money amount;

    protected OrderItem() {
        // for JPA
    }

    OrderItem(Order order, long productId, String title, Money amount) {
        this.order = order;
        this.productId = productId;
        this.title = title;
        this.amount = amount;
    }

    public long productId() {
        return productId;
    }

    public String title() {
        return title;
    }

    public Money amount() {
        return amount;
    }
}
