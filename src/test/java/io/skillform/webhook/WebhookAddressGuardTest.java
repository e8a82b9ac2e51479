package io.skillform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard with private hosts not allowed (as in production): URLs that are not http(s), and hosts that are or
 * resolve to the server's own network, are refused with a message; public hosts pass. DNS is a fixed table here.
 */
class WebhookAddressGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebound.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "six.example.com", "2606:4700::6810:85e5",
            "this-server.example.com", "203.0.113.7");

    private final AddressGuard guard = new AddressGuard(false, WebhookAddressGuardTest::resolve,
            Set.of(address("203.0.113.7")));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1", "ff02::1", "100.64.0.1",
        "100.127.255.255", "198.18.0.1", "255.255.255.255", "::ffff:10.0.0.1", "64:ff9b::a00:1", "::127.0.0.1"})
    void addressesOfPrivateLoopbackLinkLocalMulticastAndReservedRangesAreNotPublic(String address) {
        assertTrue(AddressGuard.notPublicBecause(address(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::6810:85e5",
        "64:ff9b::808:808"})
    void publicAddressesPass(String address) {
        assertEquals(Optional.empty(), AddressGuard.notPublicBecause(address(address)), address);
    }

    @Test
    void registeringAPrivateOrOddUrlIsRefusedWithAMessage() {
        assertEquals("Webhooks go to public hosts only: 127.0.0.1 is a loopback address.", refusal("http://127.0.0.1/hooks"));
        assertEquals("Webhooks go to public hosts only: 169.254.169.254 is a link-local address.", refusal("http://169.254.169.254/"));
        assertEquals("Webhooks go to public hosts only: 10.0.0.1 is a private address.", refusal("http://10.0.0.1"));
        assertEquals("Webhooks go to public hosts only: ::1 is a loopback address.", refusal("http://[::1]:8080/"));
        assertEquals("Webhooks go to public hosts only: rebound.example.com is at 10.1.2.3, a private address.",
                refusal("https://rebound.example.com/hook"));
        assertEquals("Webhooks go to public hosts only: metadata.example.com is at 169.254.169.254, a link-local address.",
                refusal("http://metadata.example.com/latest/meta-data/"));
        assertEquals("Webhooks go to public hosts only: this-server.example.com is at 203.0.113.7, an address of this server.",
                refusal("https://this-server.example.com/"));
        assertEquals("The host nowhere.example.com could not be found.", refusal("https://nowhere.example.com/"));
        assertEquals("Only http:// and https:// URLs can receive webhooks.", refusal("ftp://hooks.example.com/"));
        assertEquals("Only http:// and https:// URLs can receive webhooks.", refusal("file:///etc/passwd"));
        assertEquals("Enter a full URL, like https://example.com/webhooks.", refusal("hooks.example.com/path"));
        assertEquals("Enter a full URL, like https://example.com/webhooks.", refusal("https://exa mple.com/"));
        assertEquals("Enter the endpoint's URL.", refusal("  "));
        assertEquals("Leave the user name and password out of the URL: verify the signature instead.",
                refusal("https://user:secret@hooks.example.com/"));
        assertEquals("A webhook URL has no #fragment.", refusal("https://hooks.example.com/#x"));
        assertEquals("A URL is at most 2000 characters.", refusal("https://hooks.example.com/" + "a".repeat(2000)));
    }

    @Test
    void publicHostsPassAndPrivateOnesDoWhenTheSettingAllowsThem() {
        assertEquals("https://hooks.example.com/skillform?x=1",
                guard.check(EndpointUrl.parse(" https://hooks.example.com/skillform?x=1 ")).toString());
        guard.check(EndpointUrl.parse("http://six.example.com:8443/"));
        AddressGuard development = new AddressGuard(true, WebhookAddressGuardTest::resolve, Set.of());
        development.check(EndpointUrl.parse("http://127.0.0.1:9000/hooks"));
        development.check(EndpointUrl.parse("http://localhost/hooks"));
        assertThrows(IllegalArgumentException.class, () -> development.check(EndpointUrl.parse("ftp://127.0.0.1/")));
    }

    private String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> guard.check(EndpointUrl.parse(url))).getMessage();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+|.*:.*")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
