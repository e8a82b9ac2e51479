package io.skillform.catalog;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * An uploaded file's name made safe to offer back in a download: no folders, no control or reserved characters,
 * no leading dots, at most 200 characters with the extension kept. Only ever shown and sent as a download name —
 * storage uses generated keys.
 */
public record FileName(String value) {

    private static final int MAX_LENGTH = 200;
    // \p{Cs}: a lone surrogate cannot be stored (MariaDB writes it as '?') and would make the name unreadable.
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\p{Cs}<>:\"/\\\\|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public FileName {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.equals(clean(value))) {
            throw new IllegalArgumentException("Not a sanitised file name: " + value);
        }
    }

    /** Whatever the browser sent (it may include a path, on old browsers) becomes a safe name. */
    public static FileName sanitize(String uploaded) {
        String name = uploaded == null ? "" : uploaded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = clean(name);
        if (name.isEmpty()) {
            name = "download";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            int cut = MAX_LENGTH - extension.length();
            // Cut between code points, never inside a surrogate pair (an emoji at the cut left half of it behind).
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut).strip() + extension;
        }
        return new FileName(name);
    }

    private static String clean(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        String safe = SPACES.matcher(UNSAFE.matcher(normalized).replaceAll("_")).replaceAll(" ").strip();
        int start = 0;
        // The same whitespace as strip() (Unicode's, e.g. U+2028), or a name whose leading dots hid some would lose it
        // only on a second pass — and the constructor, which cleans again, would refuse its own sanitised name.
        while (start < safe.length() && (safe.charAt(start) == '.' || Character.isWhitespace(safe.charAt(start)))) {
            start++;
        }
        return safe.substring(start);
    }

    @Override
    public String toString() {
        return value;
    }
}
