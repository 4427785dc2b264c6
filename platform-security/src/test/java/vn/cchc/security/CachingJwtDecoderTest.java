package vn.cchc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import vn.cchc.security.test.TestTokens;

/** The cache in front of a real Nimbus decoder trusting the test key: signatures are really checked. */
class CachingJwtDecoderTest {
    static final List<String> EDITOR = List.of("EDITOR");
    static final List<String> UNITS = List.of("vinh-long.phu-khuong");

    /** The real decoder, counting how often it is asked (the signature check the cache saves). */
    final AtomicInteger checks = new AtomicInteger();
    final JwtDecoder nimbus = nimbus();
    final JwtDecoder counted = token -> {
        checks.incrementAndGet();
        return nimbus.decode(token);
    };

    static JwtDecoder nimbus() {
        try (InputStream in = CachingJwtDecoderTest.class.getResourceAsStream("/cchc-security-test/public.pem")) {
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)))).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidTokenIsCheckedOnceThenServedFromTheCache() {
        CachingJwtDecoder cache = new CachingJwtDecoder(counted, Clock.systemUTC(), Duration.ofMinutes(5), 100);
        String token = TestTokens.token("editor.phu-khuong", EDITOR, UNITS);
        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);
        assertThat(checks).hasValue(1);
        assertThat(second.getClaimAsString("preferred_username")).isEqualTo(first.getClaimAsString("preferred_username"))
                .isEqualTo("editor.phu-khuong");
        // another token is another entry, checked on its own
        cache.decode(TestTokens.token("other", EDITOR, UNITS));
        assertThat(checks).hasValue(2);
    }

    @Test
    void rejectedTokensAreNeverCachedAndStayRejected() {
        CachingJwtDecoder cache = new CachingJwtDecoder(counted, Clock.systemUTC(), Duration.ofMinutes(5), 100);
        for (String bad : List.of(TestTokens.wronglySigned("ed", EDITOR, UNITS), TestTokens.tampered("ed", EDITOR, UNITS),
                TestTokens.expired("ed", EDITOR, UNITS), TestTokens.malformed())) {
            assertThatThrownBy(() -> cache.decode(bad)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> cache.decode(bad)).isInstanceOf(JwtException.class);
        }
        assertThat(checks).as("each attempt checked again").hasValue(8);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCachedTokenPastItsExpiryIsCheckedAgainByTheRealDecoder() {
        MovableClock clock = new MovableClock();
        CachingJwtDecoder cache = new CachingJwtDecoder(counted, clock, Duration.ofMinutes(5), 100);
        String token = TestTokens.token("ed", EDITOR, UNITS); // expires in an hour
        cache.decode(token);
        clock.now = clock.now.plus(Duration.ofHours(2));
        cache.decode(token); // the real decoder (real clock) still accepts it; what matters: it was asked
        assertThat(checks).hasValue(2);
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
