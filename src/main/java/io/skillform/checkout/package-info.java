/**
 * Orders and their payment: checkout (one pending order per buyer and product, a hosted PSP session created
 * with an idempotency key derived from the order), the order state machine, the application of PSP facts from
 * the payments queue, reconciliation against the PSP, and refunds. The database is the source of truth: the
 * PSP's word changes an order only through these rules.
 */
package io.skillform.checkout;
