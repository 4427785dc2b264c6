package vn.cchc.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs access tokens for scripts ({@code POST /api/auth/token}) with the active key and the claims of the browser
 * flow: the fixed issuer, {@code aud} = the API audience, a {@code jti}, and the short access-token lifetime.
 */
public class TokenIssuer {
    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final String audience;
    private final Clock clock;

    public TokenIssuer(JwtEncoder encoder, AuthProperties properties, String audience, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.audience = audience;
        this.clock = clock;
    }

    public String issue(AuthProperties.Account account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.getIssuer())
                .subject(account.username())
                .audience(List.of(audience))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.getAccessTokenTtl()))
                .id(UUID.randomUUID().toString());
        addUserClaims(account, claims::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    public long expiresInSeconds() {
        return properties.getAccessTokenTtl().toSeconds();
    }

    /** The claims the services read: roles → authorities, units → scope (see platform-security's CurrentUser). */
    static void addUserClaims(AuthProperties.Account account, BiConsumer<String, Object> claim) {
        addNames(account, claim);
        claim.accept("roles", account.roles());
        claim.accept("units", account.units());
    }

    /** Who signed in, for the UI: all an ID token carries (no roles, no units: it is not for the API). */
    static void addNames(AuthProperties.Account account, BiConsumer<String, Object> claim) {
        claim.accept("preferred_username", account.username());
        if (account.displayName() != null) {
            claim.accept("name", account.displayName());
        }
    }
}
