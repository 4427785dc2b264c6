package vn.cchc.publication.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.FieldError;

/**
 * A feed subscription must not be a way to reach the platform's own network. IP literals only: the policy resolves
 * names, and literals resolve without DNS.
 */
class FeedAddressTest {
    final FeedAddressPolicy guarded = new FeedAddressPolicy(List.of(), Set.of(80, 443), InetAddress::getAllByName);

    static String rules(List<FieldError> errors) {
        return String.join(",", errors.stream().map(e -> e.field() + "/" + e.rule()).toList());
    }

    @Test
    void loopbackPrivateLinkLocalUniqueLocalCgnatMulticastAndUnspecifiedAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/actuator/env", "http://127.8.9.10/", "http://localhost/rss",
                "http://LOCALHOST./rss", "http://api.localhost/rss", "http://10.0.0.5/rss", "http://172.16.3.4/rss",
                "http://192.168.1.1/rss", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/rss",
                "http://100.127.255.254/rss", "http://224.0.0.1/rss", "http://0.0.0.0/rss", "http://[::1]/rss",
                "http://[::]/rss", "http://[fd00::1]/rss", "http://[fc00::5]/rss", "http://[fe80::1]/rss",
                "http://[ff02::1]/rss", "http://[::ffff:127.0.0.1]/rss", "http://[::ffff:169.254.169.254]/rss",
                "http://[::ffff:a00:1]/rss", "http://[64:ff9b::a9fe:a9fe]/rss", "http://[2002:a00:1::1]/rss"}) {
            assertThat(rules(guarded.checkSubscription(url))).as(url).isEqualTo("url/public-address");
        }
        assertThat(guarded.checkSubscription("http://169.254.169.254/latest/meta-data").get(0).message())
                .contains("169.254.169.254", "link-local", "169.254.0.0/16");
        assertThat(guarded.checkSubscription("http://[fd12:3456::1]/rss").get(0).message()).contains("unique-local", "fc00::/7");
        assertThat(guarded.checkSubscription("http://100.64.0.1/rss").get(0).message()).contains("100.64.0.0/10");
        assertThat(guarded.checkSubscription("http://[::ffff:127.0.0.1]/rss").get(0).message()).contains("loopback");
    }

    @Test
    void onlyHttpAndHttpsOnTheWebPortsAreRead() {
        assertThat(rules(guarded.checkSubscription("file:///etc/passwd"))).isEqualTo("url/http-url");
        assertThat(rules(guarded.checkSubscription("gopher://8.8.8.8/rss"))).isEqualTo("url/http-url");
        assertThat(rules(guarded.checkSubscription("http://8.8.8.8:27017/rss"))).isEqualTo("url/allowed-port");
        assertThat(guarded.checkSubscription("https://8.8.8.8:8443/rss").get(0).message()).contains("8443", "[80, 443]");
        // a private address is refused for what it is, whatever the port
        assertThat(rules(guarded.checkSubscription("http://127.0.0.1:27017/"))).isEqualTo("url/public-address");
    }

    @Test
    void publicAddressesPass() {
        for (String url : new String[] {"http://8.8.8.8/rss", "https://8.8.8.8:443/rss", "http://100.128.0.1/rss",
                "http://172.32.0.1/rss", "https://[2001:4860:4860::8888]/rss", "http://[::ffff:8.8.8.8]/rss"}) {
            assertThat(guarded.checkSubscription(url)).as(url).isEmpty();
        }
    }

    @Test
    void aNameThatDoesNotResolveYetIsLeftToThePolls() {
        FeedAddressPolicy offline = new FeedAddressPolicy(List.of(), Set.of(80, 443), host -> {
            throw new java.net.UnknownHostException(host);
        });
        assertThat(offline.checkSubscription("https://phukhuong.vinhlong.gov.vn/rss")).isEmpty();
        // … but localhost is refused by its name, before any lookup
        assertThat(rules(offline.checkSubscription("http://localhost:8081/"))).isEqualTo("url/public-address");
    }

    @Test
    void theTestAllowListExemptsOnlyTheNetworksItNames() {
        FeedAddressPolicy tests = new FeedAddressPolicy(List.of("127.0.0.1/32"), Set.of(80, 443), InetAddress::getAllByName);
        assertThat(tests.checkSubscription("http://127.0.0.1:9/rss")).isEmpty(); // any port on an allowed network
        assertThat(rules(tests.checkSubscription("http://127.0.0.2:9/rss"))).isEqualTo("url/public-address");
        assertThat(rules(tests.checkSubscription("http://169.254.169.254/"))).isEqualTo("url/public-address");
        assertThat(rules(tests.checkSubscription("http://localhost:9/rss"))).isEqualTo("url/public-address");
    }
}
