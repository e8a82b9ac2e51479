package io.skillform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, checked against its published test vector. */
class WebhookSignatureTest {

    private static final WebhookSecret SPEC_SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void reproducesTheSpecificationsTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", List.of(SPEC_SECRET)));
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        WebhookSecret next = WebhookSecret.generate();
        String both = WebhookSignature.header("msg_1", 1, "{}", List.of(next, SPEC_SECRET));
        String[] parts = both.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSignature.header("msg_1", 1, "{}", List.of(next)), parts[0]);
        assertEquals(WebhookSignature.header("msg_1", 1, "{}", List.of(SPEC_SECRET)), parts[1]);
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String signed = WebhookSignature.header("msg_1", 1, "{}", List.of(SPEC_SECRET));
        assertNotEquals(signed, WebhookSignature.header("msg_2", 1, "{}", List.of(SPEC_SECRET)));
        assertNotEquals(signed, WebhookSignature.header("msg_1", 2, "{}", List.of(SPEC_SECRET)));
        assertNotEquals(signed, WebhookSignature.header("msg_1", 1, "{ }", List.of(SPEC_SECRET)));
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytesAndBadOnesAreRefused() {
        WebhookSecret secret = WebhookSecret.generate();
        assertTrue(secret.value().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.value().substring(6)).length);
        assertNotEquals(secret, WebhookSecret.generate());
        assertEquals("whsec_…", secret.toString(), "never the secret in a log");
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_not base64!"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.header("msg_1", 1, "{}", List.of()));
    }
}
