/**
 * Delivery: what a paid order entitles its buyer to (download grants, one per file), the receipt e-mail, signed
 * expiring count-limited download links, the download log and the buyer's library. Grants are written, revoked and
 * reinstated in the transaction that changes the order ({@link io.skillform.delivery.Deliveries#sync}).
 */
package io.skillform.delivery;
