package io.skillform.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.identity.EmailAddress;
import io.skillform.payment.GatewaySession;
import io.skillform.payment.PaymentProvider;
import io.skillform.shared.Money;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The order state machine through the methods the payment code calls, without JPA. */
class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Money TOTAL = Money.of(2000, "EUR");
    private static final EmailAddress BUYER = new EmailAddress("buyer@example.test");
    private static final Optional<String> PI = Optional.of("pi_test_1");

    private static Order pending() {
        return Order.place(7L, 11L, "Field Guide", TOTAL, BUYER, null, PaymentProvider.STRIPE, "session:buyer", T0);
    }

    private static Order paid() {
        Order order = pending();
        order.paid(TOTAL, PI, "evt_paid", T0);
        return order;
    }

    private static Order failed() {
        Order order = pending();
        order.failed("Your card was declined.", "evt_failed", T0);
        return order;
    }

    private static Order expired() {
        Order order = pending();
        order.expired("evt_expired", T0);
        return order;
    }

    private static Order partiallyRefunded() {
        Order order = paid();
        order.refundedInTotal(Money.of(500, "EUR"), "evt_refund", T0);
        return order;
    }

    private static Order refunded() {
        Order order = paid();
        order.refundedInTotal(TOTAL, "evt_refund", T0);
        return order;
    }

    private static Order disputed() {
        Order order = paid();
        order.disputed("evt_dispute", T0);
        return order;
    }

    private static List<OrderStatus> path(Order order) {
        return order.history().stream().map(OrderTransition::to).toList();
    }

    private static Object field(Order order, String name) {
        try {
            Field field = Order.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(order);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void setId(Order order, long id) {
        try {
            Field field = Order.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(order, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Everything a move can change, to prove a refused one changed none of it. */
    private record Snapshot(OrderStatus status, List<OrderTransition> history, Money refunded, Optional<String> failure,
                            Optional<String> flag, Optional<String> dispute, Optional<Instant> paidAt, Instant updatedAt,
                            Optional<String> session, Optional<String> paymentIntent, Optional<String> paymentUrl,
                            Object pendingKey, String idempotencyKey) {

        static Snapshot of(Order o) {
            return new Snapshot(o.status(), o.history(), o.refunded(), o.failureReason(), o.flagReason(), o.disputeOutcome(),
                    o.paidAt(), o.updatedAt(), o.pspSessionId(), o.pspPaymentIntent(), o.paymentUrl(),
                    field(o, "pendingKey"), o.sessionIdempotencyKey());
        }
    }

    private static GatewaySession session(String id) {
        return new GatewaySession(id, "https://checkout.stripe.com/c/pay/" + id, "open", "unpaid", TOTAL, null, Optional.empty());
    }

    // --- placing -------------------------------------------------------------------------------------------------

    @Test
    void aPlacedOrderWaitsForPaymentAndHoldsThePendingKey() {
        Order order = pending();
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(List.of(OrderStatus.PENDING), path(order));
        assertNull(order.history().get(0).from());
        assertEquals(TOTAL, order.total());
        assertEquals(Money.zero(TOTAL.currency()), order.refunded());
        assertEquals(PaymentProvider.STRIPE, order.gateway());
        assertEquals(Order.pendingKey(BUYER, 11L), field(order, "pendingKey"));
        assertEquals(1, order.items().size());
        assertTrue(order.reference().matches("[A-Za-z0-9_-]{22}"), order.reference());
        assertTrue(order.paidAt().isEmpty());
    }

    @Test
    void thePendingKeyIgnoresTheCaseOfTheEmailButNotTheProduct() {
        assertEquals(Order.pendingKey(BUYER, 11L), Order.pendingKey(EmailAddress.parse("Buyer@Example.TEST").orElseThrow(), 11L));
        assertFalse(Order.pendingKey(BUYER, 11L).equals(Order.pendingKey(BUYER, 12L)));
    }

    @Test
    void onlyAPositiveAmountIsPlacedForPayment() {
        assertThrows(IllegalArgumentException.class,
                () -> Order.place(7L, 11L, "Free", Money.zero(TOTAL.currency()), BUYER, null, PaymentProvider.STRIPE, "session:buyer", T0));
        assertThrows(IllegalArgumentException.class,
                () -> Order.place(7L, 11L, "Negative", Money.of(-1, "EUR"), BUYER, null, PaymentProvider.STRIPE, "session:buyer", T0));
    }

    // --- legal moves ---------------------------------------------------------------------------------------------

    @Test
    void aPaymentOfTheOrderedAmountPaysTheOrderAndReleasesThePendingKey() {
        Order order = pending();
        assertEquals("paid", order.paid(TOTAL, PI, "evt_1", T1));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID), path(order));
        assertEquals(OrderStatus.PENDING, order.history().get(1).from());
        assertEquals("evt_1", order.history().get(1).cause());
        assertEquals(Optional.of(T1), order.paidAt());
        assertEquals(PI, order.pspPaymentIntent());
        assertNull(field(order, "pendingKey"), "the buyer may buy the product again");
        assertEquals(TOTAL, order.refundable());
    }

    @Test
    void aFailedOrderCanStillBePaidOnTheSameSession() {
        Order order = failed();
        assertEquals(OrderStatus.FAILED, order.status());
        assertEquals(Optional.of("Your card was declined."), order.failureReason());
        assertNotNull(field(order, "pendingKey"), "a declined card does not end the checkout");

        assertEquals("paid", order.paid(TOTAL, PI, "evt_paid", T1));
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.FAILED, OrderStatus.PAID), path(order));
        assertTrue(order.failureReason().isEmpty());
    }

    @Test
    void anExpiredOrderReleasesThePendingKey() {
        Order order = pending();
        assertEquals("expired", order.expired("evt_expired", T1));
        assertEquals(OrderStatus.EXPIRED, order.status());
        assertNull(field(order, "pendingKey"));
        assertEquals(Money.zero(TOTAL.currency()), order.refundable());
    }

    @Test
    void aFailedOrderCanExpire() {
        Order order = failed();
        order.expired("evt_expired", T1);
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.FAILED, OrderStatus.EXPIRED), path(order));
    }

    @Test
    void aPartialRefundThenTheRestRefundsTheOrderInFull() {
        Order order = paid();
        assertEquals("refunded 5.00 EUR in total", order.refundedInTotal(Money.of(500, "EUR"), "evt_r1", T1));
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, order.status());
        assertEquals(Money.of(500, "EUR"), order.refunded());
        assertEquals(Money.of(1500, "EUR"), order.refundable());

        order.refundedInTotal(TOTAL, "evt_r2", T2);
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(TOTAL, order.refunded());
        assertEquals(Money.zero(TOTAL.currency()), order.refundable());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
                path(order));
    }

    @Test
    void aSecondPartialRefundStaysPartiallyRefundedWithoutANewTransition() {
        Order order = partiallyRefunded();
        order.refundedInTotal(Money.of(900, "EUR"), "evt_r2", T1);
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, order.status());
        assertEquals(Money.of(900, "EUR"), order.refunded());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED), path(order));
    }

    @Test
    void aFullRefundAtOnceRefundsTheOrder() {
        Order order = refunded();
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.REFUNDED), path(order));
    }

    @Test
    void aWonDisputeReturnsTheOrderToWhereItWas() {
        Order order = disputed();
        assertEquals(Optional.of("OPEN"), order.disputeOutcome());
        assertEquals(Money.zero(TOTAL.currency()), order.refundable(), "a disputed order is not refunded by hand");
        assertEquals("dispute won", order.disputeClosed(true, "evt_closed", T1));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(Optional.of("WON"), order.disputeOutcome());

        Order partly = partiallyRefunded();
        partly.disputed("evt_dispute", T1);
        partly.disputeClosed(true, "evt_closed", T2);
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, partly.status());
    }

    @Test
    void aLostDisputeLeavesTheOrderDisputed() {
        Order order = disputed();
        assertEquals("dispute lost", order.disputeClosed(false, "evt_closed", T1));
        assertEquals(OrderStatus.DISPUTED, order.status());
        assertEquals(Optional.of("LOST"), order.disputeOutcome());
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.DISPUTED), path(order));
    }

    @Test
    void aRefundDuringADisputeIsCountedButTheOrderStaysDisputed() {
        Order order = disputed();
        order.refundedInTotal(Money.of(300, "EUR"), "evt_refund", T1);
        assertEquals(OrderStatus.DISPUTED, order.status());
        assertEquals(Money.of(300, "EUR"), order.refunded());
        order.disputeClosed(true, "evt_closed", T2);
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, order.status(), "won back, with the refund still counted");
    }

    // --- illegal moves -------------------------------------------------------------------------------------------

    private static Arguments move(String name, Supplier<Order> start, Consumer<Order> move) {
        return Arguments.of(name, start, move);
    }

    static Stream<Arguments> illegalMoves() {
        Consumer<Order> pay = o -> o.paid(TOTAL, PI, "evt_paid_again", T2);
        Consumer<Order> fail = o -> o.failed("declined late", "evt_failed_late", T2);
        Consumer<Order> expire = o -> o.expired("evt_expired_late", T2);
        Consumer<Order> refund = o -> o.refundedInTotal(Money.of(100, "EUR"), "evt_refund", T2);
        Consumer<Order> dispute = o -> o.disputed("evt_dispute", T2);
        Consumer<Order> closeDispute = o -> o.disputeClosed(true, "evt_closed", T2);
        Consumer<Order> newSession = o -> o.attachSession(session("cs_test_other"), T2);
        return Stream.of(
                move("PENDING refunded", OrderTest::pending, refund),
                move("PENDING disputed", OrderTest::pending, dispute),
                move("PENDING dispute closed", OrderTest::pending, closeDispute),
                move("FAILED refunded", OrderTest::failed, refund),
                move("FAILED disputed", OrderTest::failed, dispute),
                move("PAID failed", OrderTest::paid, fail),
                move("PAID expired", OrderTest::paid, expire),
                move("PAID dispute closed", OrderTest::paid, closeDispute),
                move("PAID new session", OrderTest::paid, newSession),
                move("EXPIRED failed", OrderTest::expired, fail),
                move("EXPIRED refunded", OrderTest::expired, refund),
                move("EXPIRED disputed", OrderTest::expired, dispute),
                move("EXPIRED new session", OrderTest::expired, newSession),
                move("PARTIALLY_REFUNDED failed", OrderTest::partiallyRefunded, fail),
                move("PARTIALLY_REFUNDED expired", OrderTest::partiallyRefunded, expire),
                move("REFUNDED failed", OrderTest::refunded, fail),
                move("REFUNDED expired", OrderTest::refunded, expire),
                move("REFUNDED disputed", OrderTest::refunded, dispute),
                move("DISPUTED failed", OrderTest::disputed, fail),
                move("DISPUTED expired", OrderTest::disputed, expire));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalMoves")
    void anIllegalMoveIsRefusedAndChangesNothing(String name, Supplier<Order> start, Consumer<Order> move) {
        Order order = start.get();
        Snapshot before = Snapshot.of(order);
        assertThrows(IllegalTransitionException.class, () -> move.accept(order));
        assertEquals(before, Snapshot.of(order));
    }

    @Test
    void aSecondSessionForAnOrderThatHasOneIsRefused() {
        Order order = pending();
        order.attachSession(session("cs_test_1"), T1);
        Snapshot before = Snapshot.of(order);
        assertThrows(IllegalStateException.class, () -> order.attachSession(session("cs_test_2"), T2));
        assertEquals(before, Snapshot.of(order));
    }

    // --- idempotency ---------------------------------------------------------------------------------------------

    @Test
    void theSamePaymentReportedTwiceChangesNothingTheSecondTime() {
        Order order = paid();
        Snapshot before = Snapshot.of(order);
        assertEquals("already paid", order.paid(TOTAL, PI, "evt_paid_again", T2));
        assertEquals(before, Snapshot.of(order));
    }

    @Test
    void aLatePaymentReportForARefundedOrderChangesNothing() {
        Order order = partiallyRefunded();
        Snapshot before = Snapshot.of(order);
        assertEquals("already partially_refunded", order.paid(TOTAL, PI, "evt_paid_late", T2));
        assertEquals(before, Snapshot.of(order));
    }

    @Test
    void theSameFailureOrExpiryTwiceAddsOneTransition() {
        Order order = pending();
        order.failed("declined", "evt_f", T1);
        assertEquals("already failed", order.failed("declined", "evt_f", T2));
        assertEquals(List.of(OrderStatus.PENDING, OrderStatus.FAILED), path(order));

        order.expired("evt_e", T1);
        Snapshot before = Snapshot.of(order);
        assertEquals("already expired", order.expired("evt_e", T2));
        assertEquals(before, Snapshot.of(order));
    }

    @Test
    void theSameDisputeTwiceAddsOneTransition() {
        Order order = disputed();
        Snapshot before = Snapshot.of(order);
        assertEquals("already disputed", order.disputed("evt_dispute", T2));
        assertEquals(before, Snapshot.of(order));
    }

    @Test
    void theSameSessionReportedTwiceChangesNothing() {
        Order order = pending();
        order.attachSession(session("cs_test_1"), T1);
        assertEquals(Optional.of("cs_test_1"), order.pspSessionId());
        assertEquals(Optional.of("https://checkout.stripe.com/c/pay/cs_test_1"), order.paymentUrl());
        Snapshot before = Snapshot.of(order);
        order.attachSession(session("cs_test_1"), T2);
        assertEquals(before, Snapshot.of(order));

        order.paid(TOTAL, PI, "evt_paid", T2);
        order.attachSession(session("cs_test_1"), T2); // a late double click on a paid order: the same session, no error
        assertEquals(OrderStatus.PAID, order.status());
    }

    @Test
    void refundTotalsOnlyEverGrow() {
        Order order = paid();
        order.refundedInTotal(Money.of(800, "EUR"), "evt_r2", T1);
        Snapshot before = Snapshot.of(order);
        // The same report again, then an older, smaller total delivered late.
        assertEquals("refund total unchanged (8.00 EUR)", order.refundedInTotal(Money.of(800, "EUR"), "evt_r2", T2));
        assertEquals("refund total unchanged (5.00 EUR)", order.refundedInTotal(Money.of(500, "EUR"), "evt_r1", T2));
        assertEquals(before, Snapshot.of(order));
        assertEquals(Money.of(800, "EUR"), order.refunded());
    }

    // --- what is flagged instead of applied ------------------------------------------------------------------------

    @Test
    void aPaymentOfAnotherAmountFlagsTheOrderWithoutPayingIt() {
        Order order = pending();
        String outcome = order.paid(Money.of(1999, "EUR"), PI, "evt_paid", T1);
        assertTrue(outcome.startsWith("flagged: amount mismatch"), outcome);
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(List.of(OrderStatus.PENDING), path(order));
        assertTrue(order.paidAt().isEmpty());
        assertEquals(Optional.of("The PSP reported a payment of 19.99 EUR for an order of 20.00 EUR"), order.flagReason());
        assertNotNull(field(order, "pendingKey"));
    }

    @Test
    void aPaymentInAnotherCurrencyFlagsTheOrderWithoutPayingIt() {
        Order order = pending();
        assertTrue(order.paid(Money.of(2000, "USD"), PI, "evt_paid", T1).startsWith("flagged"));
        assertEquals(OrderStatus.PENDING, order.status());
        assertTrue(order.flagReason().isPresent());
    }

    @Test
    void aPaymentAfterExpiryIsFlaggedForAnAdmin() {
        Order order = expired();
        assertEquals("flagged: paid after expiry", order.paid(TOTAL, PI, "evt_paid_late", T1));
        assertEquals(OrderStatus.EXPIRED, order.status());
        assertTrue(order.paidAt().isEmpty());
        assertEquals(Optional.of("Paid at the PSP after the order had expired here (20.00 EUR)"), order.flagReason());
        assertEquals(PI, order.pspPaymentIntent(), "kept so an admin can refund it");
    }

    @Test
    void anAdminMayAcceptThePriceWhenItWasPaidAfterExpiryAndOnlyThen() {
        Order late = expired();
        late.paid(TOTAL, PI, "evt_paid_late", T1);
        assertTrue(late.isPaidAfterExpiry());
        assertEquals("paid: late payment accepted", late.acceptLatePayment("accepted by admin #1", T1.plusSeconds(600)));
        assertEquals(OrderStatus.PAID, late.status());
        assertEquals(Optional.of(T1), late.paidAt(), "paid as of when the money came");
        assertTrue(late.flagReason().isEmpty());
        assertFalse(late.isPaidAfterExpiry());
        assertThrows(IllegalTransitionException.class, () -> late.acceptLatePayment("twice", T1.plusSeconds(601)));

        assertThrows(IllegalTransitionException.class, () -> expired().acceptLatePayment("nothing was paid", T1));
        Order otherAmount = expired();
        otherAmount.paid(Money.of(1500, "EUR"), PI, "evt_paid_less", T1);
        assertFalse(otherAmount.isPaidAfterExpiry(), "not the price: refunded at the PSP, never accepted");
        assertThrows(IllegalTransitionException.class, () -> otherAmount.acceptLatePayment("accepted", T1));
        assertEquals(OrderStatus.EXPIRED, otherAmount.status());
    }

    @Test
    void anImpossibleRefundTotalIsFlaggedAndNotApplied() {
        for (Money impossible : List.of(Money.of(2001, "EUR"), Money.of(-1, "EUR"), Money.of(500, "USD"))) {
            Order order = paid();
            assertEquals("flagged: impossible refund total", order.refundedInTotal(impossible, "evt_refund", T1));
            assertEquals(OrderStatus.PAID, order.status());
            assertEquals(Money.zero(TOTAL.currency()), order.refunded());
            assertTrue(order.flagReason().isPresent());
        }
    }

    // --- the idempotency key of the PSP session ----------------------------------------------------------------------

    @Test
    void theSessionKeyChangesOnlyAfterAFailedAttempt() {
        Order order = pending();
        setId(order, 42L);
        assertEquals("skillform-order-42-checkout-0", order.sessionIdempotencyKey());
        assertEquals("skillform-order-42-checkout-0", order.sessionIdempotencyKey(), "a double click reuses the key");

        order.sessionCreationFailed(T1);
        assertEquals("skillform-order-42-checkout-1", order.sessionIdempotencyKey());
        order.sessionCreationFailed(T2);
        assertEquals("skillform-order-42-checkout-2", order.sessionIdempotencyKey());

        order.attachSession(session("cs_test_1"), T2);
        order.failed("declined", "evt_f", T2);
        order.paid(TOTAL, PI, "evt_p", T2);
        assertEquals("skillform-order-42-checkout-2", order.sessionIdempotencyKey());
    }

    @Test
    void aDisputeWonAfterAFullRefundLeavesTheOrderRefunded() {
        Order order = partiallyRefunded();
        order.disputed("evt_dispute", T1);
        order.refundedInTotal(TOTAL, "evt_refund_rest", T1);
        assertEquals(OrderStatus.DISPUTED, order.status(), "still disputed while the dispute is open");
        order.disputeClosed(true, "evt_won", T2);
        assertEquals(OrderStatus.REFUNDED, order.status());
    }

    @Test
    void aReportAboutAnotherSessionOrPaymentIntentIsRecognised() {
        Order order = pending();
        order.attachSession(new io.skillform.payment.GatewaySession("cs_this", "https://pay/cs_this", "open", "unpaid",
                TOTAL, null, Optional.empty()), T0);
        order.paid(TOTAL, PI, "evt_paid", T1);
        assertEquals(Optional.empty(), order.otherPaymentIn(new io.skillform.payment.PaymentFact.Locator(
                Optional.of(1L), Optional.of("cs_this"), PI)), "its own session and PaymentIntent");
        assertEquals(Optional.of("cs_other"), order.otherPaymentIn(new io.skillform.payment.PaymentFact.Locator(
                Optional.of(1L), Optional.of("cs_other"), Optional.empty())));
        assertEquals(Optional.of("pi_other"), order.otherPaymentIn(new io.skillform.payment.PaymentFact.Locator(
                Optional.empty(), Optional.empty(), Optional.of("pi_other"))));
        assertEquals(Optional.empty(), pending().otherPaymentIn(new io.skillform.payment.PaymentFact.Locator(
                Optional.of(1L), Optional.of("cs_any"), Optional.of("pi_any"))), "nothing known yet: nothing to contradict");
    }

    @Test
    void aRepeatedPaymentReportDoesNotReplaceThePaymentIntent() {
        Order order = paid();
        order.paid(TOTAL, Optional.of("pi_other"), "evt_late", T1);
        assertEquals(PI, order.pspPaymentIntent());
    }
}
