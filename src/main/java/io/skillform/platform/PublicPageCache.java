package io.skillform.platform;

import io.skillform.catalog.StorefrontChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rendered storefront pages anonymous visitors get, kept for a few seconds ({@code SKILLFORM_PAGE_CACHE_SECONDS},
 * default 10; 0 turns it off). Everyone without a session sees the same page, so rendering it once per interval
 * instead of once per visitor is what keeps the storefront fast under load. This node's entries are dropped when
 * the catalog changes ({@link #clear()}); other nodes of a cluster catch up within the interval.
 */
@ApplicationScoped
public class PublicPageCache {

    /** Bounds memory even when visitors request endless distinct search URLs. */
    static final int MAX_ENTRIES = 2_000;
    static final int MAX_BODY_BYTES = 512 * 1024;

    @Inject
    @ConfigProperty(name = "skillform.page-cache.seconds", defaultValue = "10")
    int seconds;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    /** A rendered page; {@code expiresAt} is a {@link System#nanoTime()} reading. */
    public record Page(byte[] body, String contentType, long expiresAt) {
    }

    public boolean isEnabled() {
        return seconds > 0;
    }

    public Optional<Page> find(String key) {
        Page page = pages.get(key);
        if (page == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - page.expiresAt() > 0) {
            pages.remove(key, page);
            return Optional.empty();
        }
        return Optional.of(page);
    }

    public void put(String key, byte[] body, String contentType) {
        if (body.length > MAX_BODY_BYTES) {
            return;
        }
        if (pages.size() >= MAX_ENTRIES) {
            // Cheaper than an LRU and good enough: a flood of distinct URLs just restarts the cache.
            pages.clear();
        }
        pages.put(key, new Page(body, contentType, System.nanoTime() + seconds * 1_000_000_000L));
    }

    /** Pages list products across stores, so any change empties the whole cache; rendering it again is cheap. */
    void storefrontChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StorefrontChanged change) {
        pages.clear();
    }
}
