package io.skillform.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a store's page says about it: its name, a description (Markdown, at most {@link #MAX_DESCRIPTION}
 * characters) and up to {@link #MAX_LINKS} links to the creator's own places (http or https only: a
 * {@code javascript:} link on a store page would run in every visitor's browser). And whether its owner wants a
 * mail for each sale.
 */
public record StoreProfile(String name, String description, List<URI> links, boolean saleMails) {

    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_LINKS = 5;

    public StoreProfile {
        description = description == null || description.isBlank() ? null : description.strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A store description is at most " + MAX_DESCRIPTION + " characters");
        }
        links = List.copyOf(links);
        if (links.size() > MAX_LINKS) {
            throw new IllegalArgumentException("A store shows at most " + MAX_LINKS + " links");
        }
    }

    /** Links as typed, one per line ("example.com" gets https://); blank lines are skipped. */
    public static List<URI> links(String typed) {
        List<URI> links = new ArrayList<>();
        for (String line : (typed == null ? "" : typed).split("\\R")) {
            if (!line.isBlank()) {
                links.add(link(line.strip()));
            }
        }
        if (links.size() > MAX_LINKS) {
            throw new IllegalArgumentException("A store shows at most " + MAX_LINKS + " links");
        }
        return links;
    }

    private static URI link(String typed) {
        String text = typed.contains("://") ? typed : "https://" + typed;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || text.length() > 300
                    || text.contains(" ")) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Enter web addresses like https://example.com, one per line (at most 300 characters each): "
                    + (typed.length() > 60 ? typed.substring(0, 60) + "…" : typed));
        }
    }
}
