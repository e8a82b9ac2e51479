package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void tokensCarryThePrefixAnd256RandomBits() {
        String token = TokenSecrets.newApiToken();
        assertTrue(token.startsWith("sfk_"));
        assertEquals(4 + 43, token.length(), "32 bytes, base64url without padding");
        assertTrue(token.substring(4).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenSecrets.newApiToken()));
        }
    }

    @Test
    void digestIsSha256Hex() {
        assertEquals("5940ea129f66fc8b2fb30509c3b882c06ad03c9fa57c54e51e72c67de911dec4",
                TokenSecrets.sha256Hex("sfk_demo_creator"));
    }

    @Test
    void hintShowsOnlyTheBeginning() {
        String token = TokenSecrets.newApiToken();
        assertEquals(token.substring(0, 10), TokenSecrets.hintOf(token));
    }
}
