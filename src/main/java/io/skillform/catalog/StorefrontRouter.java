package io.skillform.catalog;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the storefront's public URLs: {@code /@handle} (a store) and {@code /@handle/slug} (a product) are
 * forwarded to their Faces views. Segments that cannot be a handle or slug get a 404 straight away, so
 * nothing unvalidated reaches a page.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class StorefrontRouter extends HttpFilter {

    private static final Pattern STORE_URL = Pattern.compile("/@([^/]+)/?");
    private static final Pattern PRODUCT_URL = Pattern.compile("/@([^/]+)/([^/]+)/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/@")) {
            chain.doFilter(request, response);
            return;
        }
        Matcher product = PRODUCT_URL.matcher(path);
        Matcher store = STORE_URL.matcher(path);
        if (product.matches() && StoreHandle.parse(product.group(1)).isPresent() && Slug.parse(product.group(2)).isPresent()) {
            forward(request, response, "/product.xhtml?handle=" + product.group(1) + "&slug=" + product.group(2));
        } else if (store.matches() && StoreHandle.parse(store.group(1)).isPresent()) {
            forward(request, response, "/store.xhtml?handle=" + store.group(1));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void forward(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException, ServletException {
        request.getRequestDispatcher(target).forward(request, response);
    }
}
