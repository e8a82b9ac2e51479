package io.skillform.checkout;

import io.skillform.course.Enrolments;
import io.skillform.delivery.Deliveries;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the buyer gets follows the order's state, in the transaction that changed it: a download's files (granted,
 * revoked, reinstated) and a course's enrolment. Both are idempotent; the list says what changed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrderFulfilment {

    @Inject
    private Deliveries deliveries;

    @Inject
    private Enrolments enrolments;

    public List<String> sync(Order order) {
        List<String> done = new ArrayList<>(deliveries.sync(order.purchase()));
        done.addAll(enrolments.sync(order.purchase()));
        return done;
    }
}
