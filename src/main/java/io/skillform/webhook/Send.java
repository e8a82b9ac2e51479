package io.skillform.webhook;

import java.util.List;

/** A claimed attempt, with everything needed to send it outside any transaction. */
record Send(long deliveryId, EndpointUrl url, String messageId, String body, List<WebhookSecret> secrets) {

    Send {
        secrets = List.copyOf(secrets);
    }
}
