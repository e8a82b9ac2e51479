package io.skillform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.Deployments;
import io.skillform.testing.LoopbackClient;
import io.skillform.testing.TestAccounts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Log-in throttling holds however the guesses come: many at once for one account or from one address (each visitor a
 * client at its own loopback address, as the server sees them), one account from ever new addresses, and guessing
 * spread over the whole site. Runs in the server, which is also where its visitors connect from.
 */
@ExtendWith(ArquillianExtension.class)
class LoginThrottleIT {

    private static final String WRONG = "The e-mail or password is wrong.";
    private static final String LOCKED = "Too many failed attempts";

    @Deployment
    static WebArchive deployment() {
        return Deployments.appWith(LoginThrottleIT.class, LoopbackClient.class, TestAccounts.class);
    }

    @Inject
    LoginThrottle throttle;

    @PersistenceContext(unitName = "skillform")
    EntityManager em;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Test
    void fifteenGuessesAtOnceForOneAccountGetTheChecksOneAccountIsAllowed() throws Exception {
        String address = LoopbackClient.newAddress();
        String account = TestAccounts.uniqueEmail().value();
        List<String> answers = atOnce(15, i -> address, i -> account);
        assertEquals(LoginThrottle.PER_ACCOUNT.freeAttempts() + 1, count(answers, WRONG), "checked: " + answers);
        assertEquals(15 - LoginThrottle.PER_ACCOUNT.freeAttempts() - 1, count(answers, LOCKED), "locked out: " + answers);
    }

    @Test
    void fortyGuessesAtOnceFromOneAddressGetTheChecksOneAddressIsAllowed() throws Exception {
        String address = LoopbackClient.newAddress();
        List<String> answers = atOnce(40, i -> address, i -> TestAccounts.uniqueEmail().value());
        assertEquals(LoginThrottle.PER_ADDRESS.freeAttempts() + 1, count(answers, WRONG), "checked: " + answers);
        assertEquals(40 - LoginThrottle.PER_ADDRESS.freeAttempts() - 1, count(answers, LOCKED), "locked out: " + answers);
    }

    @Test
    void anAccountStaysLockedWhateverAddressTheGuessesComeFrom() {
        String account = TestAccounts.uniqueEmail().value();
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            answers.add(logIn(LoopbackClient.newAddress(), account, "guess " + attempt));
        }
        int checked = LoginThrottle.PER_ACCOUNT.freeAttempts() + 1;
        assertEquals(List.of(WRONG, WRONG, WRONG, WRONG, WRONG), answers.subList(0, checked), answers.toString());
        assertTrue(answers.subList(checked, 8).stream().allMatch(a -> a.startsWith(LOCKED)), answers.toString());
    }

    @Test
    void logInsThatSucceedCountNothingAgainstTheirAddress() {
        String address = LoopbackClient.newAddress();
        EmailAddress account = TestAccounts.uniqueEmail();
        for (int login = 0; login < 2 * LoginThrottle.PER_ADDRESS.freeAttempts(); login++) {
            assertEquals(Optional.empty(), throttle.claim(Optional.of(account), address), "log-in " + login);
            throttle.succeeded(account, address);
        }
        assertEquals(WRONG, logIn(address, account.value(), "a wrong guess"), "an office behind one address is not locked out");
    }

    @Test
    void failuresSpreadOverTheSiteStopAtTheCeilingForTheRestOfTheMinute() throws Exception {
        // As the server is configured (the bean's field is not readable through its proxy).
        int ceiling = ConfigProvider.getConfig().getOptionalValue("skillform.login.failures-per-minute", Integer.class).orElse(1000);
        // A fresh minute with time to spare, and no earlier test's failures in it: the count is this test's alone.
        Instant now = Instant.now();
        if (now.until(now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)), ChronoUnit.SECONDS) < 20) {
            Thread.sleep(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))).toMillis() + 100);
        }
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try {
            clear("throttle_key = '" + LoginThrottle.SITE_KEY + "'");
            for (int attempt = 1; attempt <= ceiling; attempt++) {
                // Every guess another account from another address: only the site's ceiling counts them together.
                assertEquals(Optional.empty(), throttle.claim(EmailAddress.parse("ceiling-" + run + "-" + attempt + "@example.test"),
                        "198.18." + (attempt / 250) + "." + (attempt % 250)), "attempt " + attempt);
            }
            Optional<Duration> refused = throttle.claim(EmailAddress.parse("ceiling-" + run + "-last@example.test"), "198.19.0.1");
            assertTrue(refused.isPresent(), "over the ceiling");
            assertTrue(refused.get().compareTo(Duration.ofMinutes(1)) <= 0, "until the minute ends: " + refused.get());
            assertTrue(logIn(LoopbackClient.newAddress(), TestAccounts.uniqueEmail().value(), "a guess").startsWith(LOCKED), "a visitor meets it too");
        } finally {
            clear("throttle_key = '" + LoginThrottle.SITE_KEY + "' OR throttle_key LIKE 'account:ceiling-" + run + "-%'"
                    + " OR throttle_key LIKE 'address:198.1_.%'");
        }
    }

    private interface PerClient {
        String of(int client);
    }

    /** Each client opens the log-in page; then all submit at the same moment. The messages they get, in order. */
    private List<String> atOnce(int clients, PerClient address, PerClient account) throws Exception {
        URL base = Deployments.baseUrl().toURL();
        List<LoopbackClient> visitors = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            visitors.add(new LoopbackClient(base, address.of(i)).open("/login"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LoopbackClient visitor = visitors.get(i);
                String email = account.of(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return visitor.submit("/login", "login", Map.of("email", email, "password", "a wrong guess"));
                }));
            }
            start.countDown();
            List<String> messages = new ArrayList<>();
            for (Future<String> answer : answers) {
                messages.add(answer.get());
            }
            return messages;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String logIn(String address, String email, String password) {
        try {
            return new LoopbackClient(Deployments.baseUrl().toURL(), address).open("/login")
                    .submit("/login", "login", Map.of("email", email, "password", password));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<String> answers, String start) {
        return answers.stream().filter(a -> a.startsWith(start)).count();
    }


    private void clear(String where) throws Exception {
        tx.begin();
        em.createNativeQuery("DELETE FROM login_throttle WHERE " + where).executeUpdate();
        tx.commit();
    }
}
