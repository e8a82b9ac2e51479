package io.skillform.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A certificate drawn as a one-page PDF (A4, landscape) with PDFBox: the learner's name, the course, its creator, the
 * date, and where to check it. The fonts (DejaVu Sans, embedded as subsets) cover Latin, Greek and Cyrillic names.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The glyphs the fonts have, to check a name before it is printed (a missing glyph would fail the drawing). */
    private static final CmapLookup GLYPHS = glyphs();

    private CertificatePdf() {
    }

    /** Whether every character of the text can be printed. */
    static boolean printable(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || GLYPHS.getGlyphId(c) > 0);
    }

    /** The text with what cannot be printed as "?": for the creator's titles, which were checked by other rules. */
    private static String printed(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isWhitespace(c) ? ' ' : GLYPHS.getGlyphId(c) > 0 ? c : '?'));
        return out.toString();
    }

    private static CmapLookup glyphs() {
        try (InputStream in = CertificatePdf.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate's font is missing from the application", e);
        }
    }

    static byte[] draw(Certificate certificate, String checkUrl) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(size);
            document.addPage(page);
            PDFont regular = font(document, "DejaVuSans.ttf");
            PDFont bold = font(document, "DejaVuSans-Bold.ttf");
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setLineWidth(2);
                content.addRect(28, 28, size.getWidth() - 56, size.getHeight() - 56);
                content.stroke();
                float y = size.getHeight() - 130;
                centred(content, size, bold, 30, "Certificate of completion", y);
                centred(content, size, regular, 14, "This certifies that", y -= 60);
                centred(content, size, bold, fit(bold, certificate.learnerName(), 34, size.getWidth() - 120), certificate.learnerName(), y -= 50);
                centred(content, size, regular, 14, "completed the course", y -= 45);
                String course = printed(certificate.courseTitle());
                centred(content, size, bold, fit(bold, course, 24, size.getWidth() - 120), course, y -= 40);
                centred(content, size, regular, 14, "by " + printed(certificate.creatorName()) + ", on " + DATE.format(certificate.completedAt()),
                        y -= 35);
                centred(content, size, regular, 10, "Certificate " + certificate.id() + " · check it at " + checkUrl, 60);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Certificate of completion: " + certificate.courseTitle());
            info.setAuthor(certificate.creatorName());
            info.setSubject(certificate.learnerName() + " completed " + certificate.courseTitle());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("A certificate could not be drawn", e);
        }
    }

    private static PDFont font(PDDocument document, String file) throws IOException {
        try (InputStream in = CertificatePdf.class.getResourceAsStream("fonts/" + file)) {
            return PDType0Font.load(document, in);
        }
    }

    /** The size at which a line fits the width: a long course title is set smaller, never cut. */
    private static float fit(PDFont font, String text, float size, float width) throws IOException {
        float natural = font.getStringWidth(text) / 1000 * size;
        return natural <= width ? size : Math.max(8, size * width / natural);
    }

    private static void centred(PDPageContentStream content, PDRectangle page, PDFont font, float size, String text, float y)
            throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((page.getWidth() - width) / 2, y);
        content.showText(text);
        content.endText();
    }
}
