package io.skillform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MediaAddressTest {

    private static final byte[] KEY = "a key of thirty-two bytes, here.".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static Optional<MediaAddress> check(String path, byte[] key, Instant now) {
        URI uri = URI.create(path);
        Map<String, String> query = Stream.of(uri.getQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        String file = uri.getPath().substring(MediaAddress.PATH.length());
        return MediaAddress.verified(file, query.get("e"), query.get("x"), query.get("s"), key, now);
    }

    @Test
    void anAddressIsGoodUntilItExpires() {
        MediaAddress address = new MediaAddress(42, 7, NOW.plusSeconds(60).getEpochSecond());
        String path = address.path(KEY);
        assertTrue(path.startsWith("/lesson-media/42?e=7&x="), path);
        assertEquals(Optional.of(address), check(path, KEY, NOW));
        assertEquals(Optional.empty(), check(path, KEY, NOW.plusSeconds(60)), "expired");
    }

    @Test
    void anyChangeToItBreaksItsSignature() {
        String path = new MediaAddress(42, 7, NOW.plusSeconds(60).getEpochSecond()).path(KEY);
        assertEquals(Optional.empty(), check(path.replace("/42?", "/43?"), KEY, NOW), "another file");
        assertEquals(Optional.empty(), check(path.replace("e=7", "e=0"), KEY, NOW), "a preview's, for anyone");
        assertEquals(Optional.empty(), check(path.replaceFirst("x=\\d+", "x=" + NOW.plusSeconds(86_400).getEpochSecond()), KEY, NOW),
                "a later expiry");
        assertEquals(Optional.empty(), check(path, "another key, of thirty-two bytes".getBytes(StandardCharsets.US_ASCII), NOW));
        assertEquals(Optional.empty(), MediaAddress.verified("42", "7", "x", null, KEY, NOW), "malformed");
    }
}
