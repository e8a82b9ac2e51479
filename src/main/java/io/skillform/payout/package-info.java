/**
 * Payouts: a creator takes money out of their available earnings. The request and its ledger transaction are one
 * database transaction, taken under the lock of the creator's accounts, so available can never go below zero.
 */
package io.skillform.payout;
