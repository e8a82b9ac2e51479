package io.skillform.course;

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
 * The player's addresses: {@code /learn/<course>} (where the learner stopped) and {@code /learn/<course>/<lesson>},
 * the course being its product's id. Forwarded to the player's view; anything else under /learn is a 404.
 */
@WebFilter(urlPatterns = "/learn/*", dispatcherTypes = DispatcherType.REQUEST)
public class LearnRouter extends HttpFilter {

    private static final Pattern ADDRESS = Pattern.compile("/learn/([0-9]{1,18})(?:/([0-9]{1,18}))?/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher address = ADDRESS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!address.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String target = "/learn.xhtml?course=" + address.group(1) + (address.group(2) == null ? "" : "&lesson=" + address.group(2));
        request.getRequestDispatcher(target).forward(request, response);
    }
}
