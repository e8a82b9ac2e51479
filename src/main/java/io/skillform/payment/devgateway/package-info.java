/**
 * The built-in dev gateway: a small PSP inside the app so it runs with no keys. It keeps its own sessions and
 * events (tables dev_gateway_*), serves a hosted pay page at /dev-gateway/sessions/{id}, and delivers events as
 * webhooks signed with Stripe's scheme, asynchronously and sometimes twice — what SkillForm must cope with from a
 * real PSP. Only active with SKILLFORM_PAYMENTS_GATEWAY=dev.
 */
package io.skillform.payment.devgateway;
