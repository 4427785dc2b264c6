package vn.cchc.publication.feeds;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A feed subscription must not be a way to reach the platform's own network. */
class FeedAddressTest {
    final FeedReader guarded = new FeedReader(Duration.ofSeconds(2), false);

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:8081/actuator/env", "http://localhost/rss", "http://10.0.0.5/rss",
                "http://192.168.1.1/rss", "http://169.254.169.254/latest/meta-data", "http://[::1]/rss"}) {
            assertThatThrownBy(() -> guarded.checkAddress(URI.create(url))).as(url)
                    .isInstanceOf(IOException.class).hasMessageContaining("private network");
        }
    }

    @Test
    void onlyHttpAndHttpsAreRead() {
        assertThatThrownBy(() -> guarded.checkAddress(URI.create("file:///etc/passwd"))).isInstanceOf(IOException.class);
    }

    @Test
    void aPublicAddressPasses() {
        assertThatCode(() -> guarded.checkAddress(URI.create("http://8.8.8.8/rss"))).doesNotThrowAnyException();
    }

    @Test
    void privateAddressesCanBeAllowedForIntranetFeeds() {
        FeedReader intranet = new FeedReader(Duration.ofSeconds(2), true);
        assertThatCode(() -> intranet.checkAddress(URI.create("http://127.0.0.1:9/rss"))).doesNotThrowAnyException();
    }
}
