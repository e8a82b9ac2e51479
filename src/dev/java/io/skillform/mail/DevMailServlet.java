package io.skillform.mail;

import static io.skillform.platform.Html.escape;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code /dev/mail}: the mail the dev catcher received, newest first, as a page or ({@code ?format=json}) as a
 * list of {to, subject, text, html, messageId}. Answers 404 unless dev mail is switched on, and to anyone but
 * this machine: the caught mail holds password-reset links.
 */
@WebServlet("/dev/mail")
public class DevMailServlet extends HttpServlet {

    @Inject
    private DevMailCatcher catcher;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<List<MimeMessage>> received = catcher.received();
        if (received.isEmpty() || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<Mail> mails = new ArrayList<>(received.get().stream().map(Mail::of).toList());
        Collections.reverse(mails);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if ("json".equals(request.getParameter("format"))) {
            response.setContentType("application/json");
            JsonArrayBuilder list = Json.createArrayBuilder();
            mails.forEach(m -> list.add(Json.createObjectBuilder().add("to", m.to).add("subject", m.subject)
                    .add("text", m.text).add("html", m.html).add("messageId", m.messageId)));
            response.getWriter().write(list.build().toString());
        } else {
            response.setContentType("text/html");
            page(response.getWriter(), mails);
        }
    }

    private static void page(PrintWriter out, List<Mail> mails) {
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Dev mail · SkillForm</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:24px auto;padding:0 16px;color:#1d2433}"
                + "article{border:1px solid #e4e7ee;border-radius:12px;padding:12px 16px;margin:12px 0}"
                + "pre{white-space:pre-wrap;background:#f7f8fb;padding:10px;border-radius:8px}</style></head><body>");
        out.println("<h1>Dev mail</h1><p>Mail sent by this server (newest first). Nothing here left the machine.</p>");
        if (mails.isEmpty()) {
            out.println("<p>No mail yet.</p>");
        }
        for (Mail mail : mails) {
            out.println("<article><h2>" + escape(mail.subject) + "</h2><p>To: " + escape(mail.to) + "</p><pre>"
                    + escape(mail.text) + "</pre></article>");
        }
        out.println("</body></html>");
    }


    private record Mail(String to, String subject, String text, String html, String messageId) {

        static Mail of(MimeMessage message) {
            try {
                String to = message.getHeader("To", ", ");
                return new Mail(to == null ? "" : to, Optional.ofNullable(message.getSubject()).orElse(""),
                        part(message, "text/plain"), part(message, "text/html"),
                        Optional.ofNullable(message.getMessageID()).orElse(""));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable caught mail", e);
            }
        }

        /** The first body part of the given type, searching nested multiparts. */
        private static String part(Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        }
    }
}
