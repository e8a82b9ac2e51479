package io.skillform.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps webhooks away from the server's own network (SSRF): a host must resolve only to public addresses — not
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the clouds' metadata
 * service, fe80::/10), CGNAT (100.64/10), multicast, unspecified, reserved, nor an address of this server. Checked
 * when an endpoint is registered and again right before every attempt, since DNS may have changed in between (a
 * rebinding attack). The JDK caches the answer it gave us (30 s by default), so the HTTP client connecting a moment
 * later gets the addresses checked here.
 */
public final class AddressGuard {

    /** How a host name becomes addresses; DNS in production. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** IPv4 ranges that are not the public internet, besides what {@link InetAddress}'s predicates name. */
    private static final List<int[]> NOT_PUBLIC_V4 = List.of(
            cidr(0, 0, 0, 0, 8),        // "this network"
            cidr(10, 0, 0, 0, 8),
            cidr(100, 64, 0, 0, 10),    // carrier-grade NAT
            cidr(169, 254, 0, 0, 16),   // link-local, cloud metadata
            cidr(172, 16, 0, 0, 12),
            cidr(192, 0, 0, 0, 24),     // IETF protocol assignments
            cidr(192, 168, 0, 0, 16),
            cidr(198, 18, 0, 0, 15),    // benchmarking
            cidr(240, 0, 0, 0, 4));     // reserved, broadcast

    private final boolean allowPrivateHosts;
    private final Resolver resolver;
    private final Set<InetAddress> ownAddresses;

    AddressGuard(boolean allowPrivateHosts, Resolver resolver, Set<InetAddress> ownAddresses) {
        this.allowPrivateHosts = allowPrivateHosts;
        this.resolver = resolver;
        this.ownAddresses = Set.copyOf(ownAddresses);
    }

    /** The guard with DNS and this machine's interfaces. */
    static AddressGuard system(boolean allowPrivateHosts) {
        return new AddressGuard(allowPrivateHosts, InetAddress::getAllByName, allowPrivateHosts ? Set.of() : interfaceAddresses());
    }

    /** Refuses, with a message for the creator, a URL whose host is not public (unless private hosts are allowed). */
    public EndpointUrl check(EndpointUrl url) {
        if (allowPrivateHosts) {
            return url;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host " + url.host() + " could not be found.");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = notPublicBecause(address).or(() -> ownAddresses.contains(address)
                    ? Optional.of("an address of this server") : Optional.empty());
            if (why.isPresent()) {
                throw new IllegalArgumentException("Webhooks go to public hosts only: " + url.host() + " is "
                        + (isLiteral(url.host()) ? "" : "at " + address.getHostAddress() + ", ")
                        + why.get() + ".");
            }
        }
        return url;
    }

    /** Why an address is not on the public internet; empty if it is. */
    static Optional<String> notPublicBecause(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && NOT_PUBLIC_V4.stream().anyMatch(range -> within(bytes, range))) {
            return Optional.of("a private or reserved address");
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("a private address");
            }
            // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses carry an IPv4 address: judge that one.
            boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                    && Arrays.equals(Arrays.copyOfRange(bytes, 4, 12), new byte[8]);
            boolean compatible = Arrays.equals(Arrays.copyOfRange(bytes, 0, 12), new byte[12]);
            if (nat64 || compatible) {
                try {
                    return notPublicBecause(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are an IPv4 address", e);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static int[] cidr(int a, int b, int c, int d, int bits) {
        return new int[] {(a << 24) | (b << 16) | (c << 8) | d, bits};
    }

    private static boolean within(byte[] v4, int[] range) {
        int value = ((v4[0] & 0xff) << 24) | ((v4[1] & 0xff) << 16) | ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        int mask = range[1] == 0 ? 0 : -1 << (32 - range[1]);
        return (value & mask) == (range[0] & mask);
    }

    private static Set<InetAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .collect(Collectors.toSet());
        } catch (SocketException e) {
            throw new IllegalStateException("The network interfaces could not be read", e);
        }
    }
}
