package io.skillform.catalog;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Backs /search?q=…&amp;page=…: a plain GET form and links, so it works without JavaScript and can be shared. */
@Named
@RequestScoped
public class SearchPage {

    static final int PAGE_SIZE = 12;

    @Inject
    private Catalog catalog;

    private String q;
    private String page;
    private SearchResults results = SearchResults.none(PAGE_SIZE);
    private boolean searched;

    public void load() {
        Optional<SearchQuery> query = SearchQuery.parse(q);
        if (query.isPresent()) {
            searched = true;
            results = catalog.search(query.get(), pageNumber(), PAGE_SIZE);
        }
    }

    /** Anything but a sensible page number is the first page. */
    private int pageNumber() {
        try {
            return Math.max(1, Integer.parseInt(page == null ? "1" : page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public String getEncodedQ() {
        return URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8);
    }

    public SearchResults getResults() {
        return results;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
