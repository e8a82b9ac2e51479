/**
 * Outgoing webhooks to creators: endpoints a creator registers (URL, subscribed event types, a signing secret shown
 * once), events recorded in the transaction of the change they report (an outbox: {@link Webhooks}), and deliveries
 * sent from the {@code skillform.webhooks} queue, signed as the Standard Webhooks specification says, retried with
 * back-off, kept in order per ordering key and endpoint, logged attempt by attempt.
 * <p>
 * Rules: nothing here is sent inside a database transaction (a slow receiver never holds a row lock or a connection);
 * a delivery is claimed under its row lock before it is sent, so two nodes never send the same attempt; every URL is
 * checked against {@link AddressGuard} when registered and again right before each attempt. Other packages reach in
 * only through {@link Webhooks#orderChanged} and the catalog's {@code ProductChanged} event; this package reads the
 * catalog and identity, never the other way round.
 */
package io.skillform.webhook;
