package io.skillform.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo store's products get a small sample PDF each (demo data only): the SQL demo data cannot write to the blob
 * store, and a demo purchase should deliver something. Products that have a file already are left alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoFiles {

    private static final Logger LOG = Logger.getLogger(DemoFiles.class.getName());

    @Inject
    @ConfigProperty(name = "skillform.demo-data", defaultValue = "false")
    boolean demoData;

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private ProductMedia media;

    @PostConstruct
    void ensure() {
        if (!demoData) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> bare = em.createNativeQuery("SELECT p.id, s.owner_id, p.slug, p.title FROM product p JOIN store s ON s.id = p.store_id"
                + " WHERE s.handle = 'demo' AND s.owner_id IS NOT NULL AND p.status <> 'ARCHIVED' AND p.type = 'DOWNLOAD'"
                + " AND NOT EXISTS (SELECT 1 FROM product_file f WHERE f.product_id = p.id)").getResultList();
        for (Object[] product : bare) {
            try {
                media.addFile(((Number) product[1]).longValue(), ((Number) product[0]).longValue(), product[2] + ".pdf",
                        new ByteArrayInputStream(samplePdf((String) product[3])));
            } catch (IOException | RuntimeException e) {
                // Another node of a cluster may be doing the same; the demo runs without the file.
                LOG.log(Level.WARNING, "Could not add the demo file of product " + product[0], e);
            }
        }
    }

    /** A one-page PDF that says what it is. */
    public static byte[] samplePdf(String title) {
        String text = ("SkillForm demo file: " + title).replaceAll("[()\\\\]", "").replaceAll("[^\\x20-\\x7e]", "?");
        String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer << /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
