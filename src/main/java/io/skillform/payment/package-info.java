/**
 * Payment service providers, as seen from SkillForm: a {@link io.skillform.payment.PaymentGateway} port with a
 * Stripe adapter and a built-in dev gateway, signed webhook intake into a raw event store, and the PSP's events
 * read as {@link io.skillform.payment.PaymentFact}s. Knows nothing of orders: checkout applies the facts.
 */
package io.skillform.payment;
