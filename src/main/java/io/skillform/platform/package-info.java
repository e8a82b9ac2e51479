/**
 * What every domain package stands on but none owns: the schema migration at start-up, the readiness check,
 * the storefront's URL routing. No business rules live here.
 */
package io.skillform.platform;
