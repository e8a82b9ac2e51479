package io.skillform.course;

import io.skillform.delivery.ContentDisposition;
import io.skillform.platform.Site;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /certificates/<id>}: the public page that tells anyone whether a certificate is genuine (forwarded to its
 * view), and {@code /certificates/<id>.pdf}, the certificate itself. An unknown id is a 404; a withdrawn certificate's
 * page says so, and its PDF is no longer given out.
 */
@WebServlet(urlPatterns = "/certificates/*")
public class CertificateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})(\\.pdf)?");

    @Inject
    private transient Certificates certificates;

    @Inject
    private transient Site site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Matcher address = ADDRESS.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        Optional<Certificate> certificate = address.matches() ? certificates.find(address.group(1)) : Optional.empty();
        if (certificate.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (address.group(2) == null) {
            request.getRequestDispatcher("/certificate.xhtml?id=" + certificate.get().id()).forward(request, response);
            return;
        }
        if (!certificate.get().isValid()) {
            response.sendError(HttpServletResponse.SC_GONE);
            return;
        }
        byte[] pdf = CertificatePdf.draw(certificate.get(), checkUrl(site, certificate.get()));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.inline("certificate-" + certificate.get().id() + ".pdf"));
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    static String checkUrl(Site site, Certificate certificate) {
        return site.url("/certificates/" + certificate.id());
    }
}
