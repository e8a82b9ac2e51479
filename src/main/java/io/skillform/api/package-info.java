/**
 * The headless REST API under {@code /api/v1}: JSON in and out, errors as RFC 9457 problem details.
 * Resources stay thin — they authenticate through {@link io.skillform.api.RequiresToken} and call the same
 * services as the pages, so every rule holds for both.
 */
package io.skillform.api;
