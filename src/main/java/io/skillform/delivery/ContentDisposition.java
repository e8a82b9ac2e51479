package io.skillform.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} for a file name: {@code attachment} to download, {@code inline} to show in the page (RFC 6266): an ASCII fallback for old clients (accents
 * dropped, anything else non-ASCII as {@code _}) and the exact
 * name in UTF-8 ({@code filename*}). The name is already sanitised ({@link io.skillform.catalog.FileName}); quotes and
 * backslashes cannot reach the header either way.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        return "attachment; " + names(fileName);
    }

    public static String inline(String fileName) {
        return "inline; " + names(fileName);
    }

    private static String names(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").chars()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '%' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
