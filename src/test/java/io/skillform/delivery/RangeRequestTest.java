package io.skillform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillform.delivery.RangeRequest.Resolution;
import io.skillform.delivery.RangeRequest.Resolution.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static final String ETAG = "\"abc\"";
    private static final Instant MODIFIED = Instant.parse("2026-11-03T08:04:05Z");

    private static Resolution resolve(String range, String ifRange) {
        return new RangeRequest(range, ifRange).resolve(1000, ETAG, MODIFIED);
    }

    @Test
    void oneRangeIsServedAsAskedAndClippedToTheFile() {
        assertEquals(new Resolution(Kind.PARTIAL, 0, 99, 1000), resolve("bytes=0-99", null));
        assertEquals(new Resolution(Kind.PARTIAL, 400, 999, 1000), resolve("bytes=400-", null));
        assertEquals(new Resolution(Kind.PARTIAL, 900, 999, 1000), resolve("bytes=900-5000", null));
        assertEquals(new Resolution(Kind.PARTIAL, 800, 999, 1000), resolve("bytes=-200", null));
        assertEquals(new Resolution(Kind.PARTIAL, 0, 999, 1000), resolve("bytes=-5000", null));
        assertEquals(600, resolve("bytes=400-", null).length());
        assertEquals(400, resolve("bytes=400-", null).start());
    }

    @Test
    void whatCannotBeServedIsRefusedAndWhatIsMalformedGetsTheWholeFile() {
        assertEquals(Kind.UNSATISFIABLE, resolve("bytes=1000-", null).kind());
        assertEquals(Kind.UNSATISFIABLE, resolve("bytes=-0", null).kind());
        assertEquals(Kind.UNSATISFIABLE, resolve("bytes=99999999999999999999-", null).kind());
        assertEquals(new Resolution(Kind.PARTIAL, 10, 999, 1000), resolve("bytes=10-99999999999999999999", null));
        for (String ignored : new String[] {null, "", "bytes=", "bytes=-", "bytes=5-2", "items=0-5", "bytes=0-5,10-20", "bytes=a-b"}) {
            assertEquals(new Resolution(Kind.WHOLE, 0, 999, 1000), resolve(ignored, null), String.valueOf(ignored));
        }
        assertEquals(0, resolve(null, null).start());
        assertEquals(Kind.PARTIAL, resolve("Bytes=0-9", null).kind(), "the unit is case-insensitive");
        assertEquals(Kind.WHOLE, new RangeRequest("bytes=0-", null).resolve(0, ETAG, MODIFIED).kind(), "an empty file is sent, not refused");
    }

    @Test
    void aRangeIsOnlyServedForTheVersionTheClientHasPartOf() {
        assertEquals(Kind.PARTIAL, resolve("bytes=10-", ETAG).kind());
        assertEquals(Kind.PARTIAL, resolve("bytes=10-", "Tue, 03 Nov 2026 08:04:05 GMT").kind());
        assertEquals(Kind.WHOLE, resolve("bytes=10-", "\"other\"").kind());
        assertEquals(Kind.WHOLE, resolve("bytes=10-", "Wed, 04 Nov 2026 08:04:05 GMT").kind());
        assertEquals("Tue, 03 Nov 2026 08:04:05 GMT", RangeRequest.httpDate(MODIFIED));
    }

    @Test
    void theDownloadNameIsQuotedForOldClientsAndExactInUtf8() {
        assertEquals("attachment; filename=\"Cours d_ete _ 100_.pdf\"; filename*=UTF-8''Cours%20d%E2%80%99%C3%A9t%C3%A9%20%E2%80%94%20100%25.pdf",
                ContentDisposition.attachment("Cours d’été — 100%.pdf"));
    }

    @Test
    void tokensHaveTheShapeOf256RandomBits() {
        DownloadToken token = DownloadToken.generate();
        assertEquals(43, token.value().length());
        assertEquals(token, DownloadToken.parse(token.value()).orElseThrow());
        assertEquals(64, token.hash().length());
        assertEquals(java.util.Optional.empty(), DownloadToken.parse(token.value() + "x"));
        assertEquals(java.util.Optional.empty(), DownloadToken.parse("../" + token.value().substring(3)));
        assertEquals("DownloadToken[…]", token.toString());
    }
}
