package io.skillform.payment.devgateway;

import io.skillform.payment.GatewayException;
import io.skillform.payment.PaymentSettings;
import static io.skillform.platform.Html.escape;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev gateway's hosted payment page, {@code /dev-gateway/sessions/{id}}, and its actions
 * {@code POST …/{id}/pay|decline|abandon} (the page's buttons; scripts and tests may post directly). A plain
 * servlet, not a SkillForm page: it plays a site the buyer leaves SkillForm for. 404 unless the dev gateway is on.
 */
@WebServlet("/dev-gateway/sessions/*")
public class DevGatewayServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/(cs_dev_[0-9a-f]{24})(?:/(pay|decline|abandon))?");

    @Inject
    private PaymentSettings settings;

    @Inject
    private DevGateway gateway;

    private final Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = match(request, response);
        if (path == null || path.group(2) != null) {
            if (path != null) {
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
            return;
        }
        Optional<DevGatewaySession> session = gateway.find(path.group(1), false);
        if (session.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        page(response, session.get(), "declined".equals(request.getParameter("outcome"))
                ? "Your card was declined. Try again, or leave without paying." : null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = match(request, response);
        if (path == null) {
            return;
        }
        String id = path.group(1);
        if (gateway.find(id, false).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            switch (path.group(2) == null ? "" : path.group(2)) {
                case "pay" -> response.sendRedirect(gateway.pay(id).successUrl());
                case "decline" -> {
                    gateway.decline(id);
                    response.sendRedirect(request.getContextPath() + "/dev-gateway/sessions/" + id + "?outcome=declined");
                }
                case "abandon" -> response.sendRedirect(gateway.abandon(id).cancelUrl());
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (GatewayException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            page(response, gateway.find(id, false).orElseThrow(), e.getMessage());
        }
    }

    private Matcher match(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (!settings.devGatewayEnabled() || !path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return path;
    }

    private void page(HttpServletResponse response, DevGatewaySession session, String notice) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        String action = "/dev-gateway/sessions/" + session.id();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Dev gateway · Pay</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<style>body{font-family:system-ui,sans-serif;background:#f3f4f8;color:#1d2433;margin:0}"
                + "main{max-width:420px;margin:48px auto;background:#fff;border-radius:16px;padding:28px;box-shadow:0 8px 30px #0001}"
                + ".amount{font-size:2rem;font-weight:700;margin:8px 0 20px}.muted{color:#6b7280}"
                + ".notice{background:#fff4e5;border:1px solid #f5c27a;border-radius:8px;padding:10px;margin:12px 0}"
                + "button{width:100%;padding:12px;border-radius:10px;border:1px solid #c9cedb;background:#fff;font-size:1rem;margin-top:10px;cursor:pointer}"
                + "button.pay{background:#4f46e5;color:#fff;border-color:#4f46e5}</style></head><body><main>");
        out.println("<p class=\"muted\">SkillForm dev gateway — test payments, no real money</p>");
        out.println("<h1 id=\"description\">" + escape(session.description()) + "</h1>");
        out.println("<p class=\"amount\" id=\"amount\">" + escape(session.amount().format(Locale.US)) + "</p>");
        out.println("<p class=\"muted\">" + escape(session.customerEmail()) + "</p>");
        if (notice != null) {
            out.println("<p class=\"notice\" id=\"notice\" role=\"alert\">" + escape(notice) + "</p>");
        }
        if (session.isOpen(clock.instant())) {
            out.println("<form method=\"post\" action=\"" + action + "/pay\"><button class=\"pay\" id=\"pay\" type=\"submit\">Pay "
                    + escape(session.amount().format(Locale.US)) + "</button></form>");
            out.println("<form method=\"post\" action=\"" + action + "/decline\"><button id=\"decline\" type=\"submit\">Simulate a declined card</button></form>");
            out.println("<form method=\"post\" action=\"" + action + "/abandon\"><button id=\"abandon\" type=\"submit\">Cancel and return</button></form>");
        } else if ("complete".equals(session.status())) {
            out.println("<p id=\"state\">This payment is complete. <a href=\"" + escape(session.successUrl()) + "\">Back to the shop</a></p>");
        } else {
            out.println("<p id=\"state\">This checkout has expired. <a href=\"" + escape(session.cancelUrl()) + "\">Back to the shop</a></p>");
        }
        out.println("</main></body></html>");
    }

}
