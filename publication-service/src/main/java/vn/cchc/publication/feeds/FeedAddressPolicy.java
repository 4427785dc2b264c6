package vn.cchc.publication.feeds;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import vn.cchc.platform.web.FieldError;

/**
 * Which feed addresses publication-service may fetch. Feed addresses come from users, so a subscription must not
 * become a way into the platform's own network (Kafka, MongoDB, actuators, the cloud metadata service): only
 * http(s) on the standard ports, to public addresses. Checked when subscribing (400 on {@code url}) and again for
 * every fetch and every redirect, where the host is resolved ONCE and the connection made to exactly the addresses
 * checked ({@link #resolveChecked}), so a name that resolves to a public address for the check and to a private one
 * for the connection (DNS rebinding) gains nothing.
 *
 * <p>{@code cchc.feeds.allowed-networks} (CIDRs, empty by default) exempts addresses from these rules, port
 * included: it exists for tests, whose feeds are served on 127.0.0.1. {@code cchc.feeds.allow-private-addresses=true}
 * (the older switch the system tests' stack sets) now means loopback only.
 */
@Component
public class FeedAddressPolicy {
    /** Resolves a host name; the system resolver in production, a stand-in in the DNS rebinding test. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The address was refused; {@code rule} and message as the subscription's 400 names them. */
    public static class RefusedAddressException extends UnknownHostException {
        private final String rule;

        RefusedAddressException(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    static final String PUBLIC_ADDRESS = "public-address";
    static final String ALLOWED_PORT = "allowed-port";
    static final String HTTP_URL = "http-url";

    /** A CIDR block; IpAddressMatcher compares leading bits only, so the address family is checked here. */
    private record Range(IpAddressMatcher matcher, String cidr, String kind, boolean ipv6) {
        Range(String cidr, String kind) {
            this(new IpAddressMatcher(cidr), cidr, kind, cidr.contains(":"));
        }

        boolean contains(InetAddress address) {
            return (address instanceof Inet6Address) == ipv6 && matcher.matches(literal(address));
        }
    }

    private static final List<Range> BLOCKED = List.of(
            range("0.0.0.0/8", "unspecified"), range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT (shared)"), range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local (cloud metadata)"), range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "reserved"), range("192.168.0.0/16", "private"), range("198.18.0.0/15", "reserved"),
            range("224.0.0.0/4", "multicast"), range("240.0.0.0/4", "reserved or broadcast"),
            range("::/128", "unspecified"), range("::1/128", "loopback"), range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"), range("fc00::/7", "unique-local"), range("ff00::/8", "multicast"));

    private final List<Range> allowedNetworks;
    private final Set<Integer> allowedPorts;
    private final HostResolver resolver;

    @Autowired
    FeedAddressPolicy(@Value("${cchc.feeds.allowed-networks:}") List<String> allowedNetworks,
                      @Value("${cchc.feeds.allowed-ports:80,443}") Set<Integer> allowedPorts,
                      @Value("${cchc.feeds.allow-private-addresses:false}") boolean loopbackForTests) {
        this(withLoopback(allowedNetworks, loopbackForTests), allowedPorts, InetAddress::getAllByName);
    }

    FeedAddressPolicy(List<String> allowedNetworks, Set<Integer> allowedPorts, HostResolver resolver) {
        this.allowedNetworks = allowedNetworks.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(cidr -> new Range(cidr, "allowed")).toList();
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.resolver = resolver;
    }

    private static List<String> withLoopback(List<String> networks, boolean loopback) {
        List<String> all = new ArrayList<>(networks);
        if (loopback) {
            all.addAll(List.of("127.0.0.0/8", "::1/128"));
        }
        return all;
    }

    private static Range range(String cidr, String kind) {
        return new Range(cidr, kind);
    }

    /**
     * At subscription time: every rule the address breaks, on {@code url}. A name that does not resolve (yet) is
     * accepted here and reported by the polls; one that resolves to a refused address is refused now.
     */
    public List<FieldError> checkSubscription(String url) {
        try {
            resolveChecked(URI.create(url.strip()));
            return List.of();
        } catch (RefusedAddressException e) {
            return List.of(new FieldError("url", e.rule(), e.getMessage()));
        } catch (UnknownHostException unresolvable) {
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError("url", HTTP_URL, "Must be an http:// or https:// link."));
        }
    }

    /**
     * Checks scheme, host and port of {@code uri}, resolves the host once and checks every address it resolves to;
     * the caller connects to these addresses and no others.
     *
     * @throws RefusedAddressException a rule is broken
     * @throws UnknownHostException    the name does not resolve
     */
    public InetAddress[] resolveChecked(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException(HTTP_URL, "Only http:// and https:// feeds are read.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedAddressException(HTTP_URL, "The link has no host.");
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            throw new RefusedAddressException(PUBLIC_ADDRESS, "'" + host + "' is this machine (localhost); feeds are "
                    + "read from public addresses only.");
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        boolean allAllowedNetworks = true;
        for (InetAddress address : addresses) {
            boolean allowed = inAllowedNetwork(address);
            allAllowedNetworks &= allowed;
            if (!allowed) {
                Optional<String> refused = refusal(address);
                if (refused.isPresent()) {
                    throw new RefusedAddressException(PUBLIC_ADDRESS, "'" + host + "' is " + refused.get()
                            + "; feeds are read from public addresses only.");
                }
            }
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (!allowedPorts.contains(port) && !allAllowedNetworks) {
            throw new RefusedAddressException(ALLOWED_PORT, "Port " + port + " is not a web port; feeds are read on "
                    + allowedPorts.stream().sorted().map(String::valueOf).toList() + " only.");
        }
        return addresses;
    }

    private boolean inAllowedNetwork(InetAddress address) {
        return allowedNetworks.stream().anyMatch(n -> n.contains(address));
    }

    /** Why the address is refused ("127.0.0.1, a loopback address (127.0.0.0/8)"), if it is. */
    static Optional<String> refusal(InetAddress address) {
        InetAddress checked = embeddedIpv4(address).orElse(address);
        String literal = literal(checked);
        for (Range range : BLOCKED) {
            if (range.contains(checked)) {
                String via = checked == address ? "" : " (inside the IPv6 address " + literal(address) + ")";
                return Optional.of(literal + via + ", a " + range.kind() + " address (" + range.cidr() + ")");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        if (firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        } else if (firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (deprecated IPv4-compatible), not :: or ::1
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8])) {
            v4 = Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d (NAT64)
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::/48 (6to4)
        }
        try {
            return v4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** The address as a literal without a zone (IpAddressMatcher parses literals; a "%eth0" zone would not parse). */
    private static String literal(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress();
        } catch (UnknownHostException impossible) {
            return address.getHostAddress();
        }
    }
}
