package vn.cchc.security.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for tests, signed with a fixed RSA key whose public half is {@code cchc-security-test/public.pem}
 * in this test-jar. Point the service under test at it with {@link #PUBLIC_KEY_PROPERTY} (the test key,
 * {@link #ISSUER} and {@link #AUDIENCE}: the tokens here pass the issuer and audience checks by default):
 * <pre>{@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = TestTokens.PUBLIC_KEY_PROPERTY)}</pre>
 * and send {@code Http.get(url, "Authorization", TestTokens.bearer(TestTokens.editor("vinh-long.phu-khuong")))}.
 */
public final class TestTokens {
    /**
     * The property that makes a service trust the tokens of this class. It wins over the service's own
     * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, so no JWKS is fetched in tests.
     */
    public static final String PUBLIC_KEY_PROPERTY = """
            cchc.security.public-key-location=classpath:cchc-security-test/public.pem
            cchc.security.issuer=https://test.cchc.vn
            cchc.security.audience=cchc-api
            """;
    /** The {@code iss} of every token here, and the issuer {@link #PUBLIC_KEY_PROPERTY} configures. */
    public static final String ISSUER = "https://test.cchc.vn";
    /** The {@code aud} of access tokens here, and the audience {@link #PUBLIC_KEY_PROPERTY} configures. */
    public static final String AUDIENCE = "cchc-api";
    /** The client an ID token is made for. */
    public static final String WEB_CLIENT = "cchc-web";

    private static final PrivateKey KEY = load();
    private static final PrivateKey OTHER_KEY = generate();

    private TestTokens() {
    }

    /** A valid access token for one hour. */
    public static String token(String username, List<String> roles, List<String> units) {
        return sign(KEY, username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1));
    }

    /** Rightly signed and unexpired, but from another issuer. */
    public static String wrongIssuer(String username, List<String> roles, List<String> units) {
        return sign(KEY, claims(username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1))
                .issuer("https://evil.example.com").build());
    }

    /** Rightly signed and unexpired, from the issuer, but for another API ({@code aud} = {@code other-api}). */
    public static String wrongAudience(String username, List<String> roles, List<String> units) {
        return sign(KEY, claims(username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1))
                .audience("other-api").build());
    }

    /** Rightly signed and unexpired, from the issuer, but without any {@code aud}. */
    public static String noAudience(String username, List<String> roles, List<String> units) {
        return sign(KEY, claims(username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1))
                .audience((String) null).build());
    }

    /**
     * An OIDC ID token as an IdP makes it for the web client: {@code aud} = the client id, {@code azp}, {@code nonce},
     * Keycloak's {@code typ: "ID"}; rightly signed, from the issuer, with roles and units. Never a bearer token.
     */
    public static String idToken(String username, List<String> roles, List<String> units) {
        return sign(KEY, claims(username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1))
                .audience(WEB_CLIENT).claim("azp", WEB_CLIENT).claim("nonce", "n-0S6_WzA2Mj").claim("typ", "ID").build());
    }

    /** An ID token that also names the API in {@code aud} (Keycloak's audience mapper on the ID token): {@code typ: "ID"}. */
    public static String idTokenForTheApi(String username, List<String> roles, List<String> units) {
        return sign(KEY, claims(username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1))
                .audience(List.of(WEB_CLIENT, AUDIENCE)).claim("azp", WEB_CLIENT).claim("typ", "ID").build());
    }

    /** Expired ten minutes ago (beyond the 60 s clock skew resource servers allow). */
    public static String expired(String username, List<String> roles, List<String> units) {
        return sign(KEY, username, roles, units, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(110));
    }

    /** Well-formed and unexpired, but signed by a key nobody trusts. */
    public static String wronglySigned(String username, List<String> roles, List<String> units) {
        return sign(OTHER_KEY, username, roles, units, Instant.now().minusSeconds(5), Duration.ofHours(1));
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "not.a-jwt.token";
    }

    /** A valid token whose payload was changed after signing (the signature no longer matches). */
    public static String tampered(String username, List<String> roles, List<String> units) {
        String[] parts = token(username, roles, units).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + username + "\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String provinceAdmin(String province) {
        return token("admin-" + province, List.of("PROVINCE_ADMIN"), List.of(province));
    }

    public static String coordinator(String commune) {
        return token("coordinator-" + commune, List.of("COORDINATOR"), List.of(commune));
    }

    public static String editor(String unit) {
        return token("editor-" + unit, List.of("EDITOR"), List.of(unit));
    }

    public static String viewer(String... units) {
        return token("viewer", List.of("VIEWER"), List.of(units));
    }

    public static String ops() {
        return token("ops", List.of("OPS"), List.of());
    }

    private static String sign(PrivateKey key, String username, List<String> roles, List<String> units,
                               Instant issuedAt, Duration lifetime) {
        return sign(key, claims(username, roles, units, issuedAt, lifetime).build());
    }

    private static JWTClaimsSet.Builder claims(String username, List<String> roles, List<String> units,
                                               Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(username)
                .claim("preferred_username", username)
                .claim("roles", roles)
                .claim("units", units)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(PrivateKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("cchc-test").build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/cchc-security-test/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("cchc-security-test/private.pem missing or unreadable", e);
        }
    }

    private static PrivateKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
