/**
 * The catalog: creators' stores and the products they sell, and the storefront pages buyers browse.
 * <p>
 * A {@link io.skillform.catalog.Product} guards its own life cycle (draft → published ⇄ unpublished → archived);
 * only published products are ever shown to buyers. {@link io.skillform.catalog.Catalog} owns one transaction
 * per use case. Page beans here only hold view state and call the service.
 */
package io.skillform.catalog;
