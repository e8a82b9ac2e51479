/**
 * The double-entry ledger and the creators' earnings derived from it. Every money movement is a
 * {@link io.skillform.ledger.JournalEntry} of two or more postings summing to zero per currency, written once under
 * a unique idempotency key in the same database transaction as the change that causes it; account balances are kept
 * running under a row lock and checked against the postings by the {@link io.skillform.ledger.TrialBalance}.
 */
package io.skillform.ledger;
