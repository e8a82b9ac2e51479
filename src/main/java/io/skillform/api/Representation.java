package io.skillform.api;

import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.platform.Site;
import io.skillform.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;

/** How the API writes values it shares across resources: money, times, products. */
final class Representation {

    private Representation() {
    }

    /** Integer minor units and the ISO-4217 code: never a decimal the client must round. */
    static JsonObjectBuilder money(Money money) {
        return Json.createObjectBuilder().add("amount", money.minor()).add("currency", money.currency().getCurrencyCode());
    }

    /** ISO-8601 in UTC, or JSON null. */
    static JsonObjectBuilder time(JsonObjectBuilder object, String name, Instant at) {
        return at == null ? object.addNull(name) : object.add(name, at.toString());
    }

    static JsonObjectBuilder text(JsonObjectBuilder object, String name, Optional<String> value) {
        value.ifPresentOrElse(text -> object.add(name, text), () -> object.addNull(name));
        return object;
    }

    static String storefrontUrl(Site site, Product product) {
        return site.url("/@" + product.store().handle().value() + "/" + product.slug().value());
    }

    static Optional<String> coverUrl(Site site, Product product) {
        return product.cover().map(cover -> site.url("/covers/" + cover.id()));
    }

    /** A product as its creator manages it: every state and setting, the current files with their checksums. */
    static JsonObjectBuilder managed(Site site, Product product) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        product.currentFiles().forEach(file -> files.add(file(file)));
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", product.id())
                .add("slug", product.slug().value())
                .add("title", product.title())
                .add("type", Enums.name(product.type()))
                .add("description", product.description())
                .add("status", Enums.name(product.status()))
                .add("pricing", Enums.name(product.pricing()))
                .add("price", money(product.price()))
                .add("download_policy", Json.createObjectBuilder()
                        .add("download_limit", product.downloadPolicy().downloadLimit())
                        .add("link_lifetime_hours", product.downloadPolicy().linkLifetimeHours()))
                .add("files", files);
        text(body, "cover_url", coverUrl(site, product));
        body.add("url", storefrontUrl(site, product));
        time(body, "created_at", product.createdAt());
        return time(body, "published_at", product.publishedAt());
    }

    static JsonObjectBuilder file(ProductFile file) {
        return Json.createObjectBuilder()
                .add("id", file.id())
                .add("name", file.fileName().value())
                .add("size", file.sizeBytes())
                .add("content_type", file.contentType())
                .add("sha256", file.sha256())
                .add("added_at", file.addedAt().toString());
    }
}
