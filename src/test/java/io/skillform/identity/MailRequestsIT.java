package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.mail.DevMailCatcher;
import io.skillform.testing.Deployments;
import io.skillform.testing.Eventually;
import io.skillform.testing.LoopbackClient;
import io.skillform.testing.TestAccounts;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nobody can flood an inbox through sign-up and "forgot password": per recipient and per client address, the requests
 * beyond the limit are told to wait and send nothing — and mails that did go out are counted in the catcher.
 */
@ExtendWith(ArquillianExtension.class)
class MailRequestsIT {

    private static final String TOO_MANY = "Too many e-mails were asked for";

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(MailRequestsIT.class, LoopbackClient.class, TestAccounts.class);
    }

    @Inject
    DevMailCatcher mail;

    @Test
    void signUpsAndResetsForOneAddressFromManyPlacesStopAtItsLimitAndSendNoMore() throws Exception {
        String recipient = TestAccounts.uniqueEmail().value();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(new LoopbackClient(Deployments.baseUrl().toURL(), LoopbackClient.newAddress()).open("/signup")
                    .submit("/signup", "signup", Map.of("email", recipient, "name", "Flood " + i, "password", "a long passphrase")));
        }
        for (int i = 0; i < 4; i++) {
            answers.add(forgot(LoopbackClient.newAddress(), recipient));
        }
        int limit = 5;
        assertTrue(answers.subList(0, 4).stream().allMatch(a -> a.startsWith("Almost there")), answers.toString());
        assertTrue(answers.get(4).startsWith("If an account uses this address"), answers.toString());
        assertTrue(answers.subList(limit, 8).stream().allMatch(a -> a.startsWith(TOO_MANY)), answers.toString());
        // One confirmation and three "someone tried to sign up" (a reset link only if the unconfirmed account may
        // have one), and nothing more comes.
        Eventually.within(Duration.ofSeconds(20), () -> Optional.of(mailsTo(recipient)).filter(n -> n >= 4));
        Thread.sleep(3000);
        assertTrue(mailsTo(recipient) <= limit, mailsTo(recipient) + " mails");
    }

    @Test
    void oneClientAskingForManyAddressesStopsAtItsLimit() throws Exception {
        String client = LoopbackClient.newAddress();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            answers.add(forgot(client, TestAccounts.uniqueEmail().value()));
        }
        assertTrue(answers.subList(0, 20).stream().allMatch(a -> a.startsWith("If an account uses this address")), answers.toString());
        assertTrue(answers.subList(20, 22).stream().allMatch(a -> a.startsWith(TOO_MANY)), answers.toString());
        assertTrue(forgot(LoopbackClient.newAddress(), TestAccounts.uniqueEmail().value()).startsWith("If an account"), "other clients are not held up");
    }

    private static String forgot(String client, String email) {
        try {
            return new LoopbackClient(Deployments.baseUrl().toURL(), client).open("/forgot").submit("/forgot", "forgot", Map.of("email", email));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long mailsTo(String to) {
        return mail.receivedFor(to).size();
    }

}
