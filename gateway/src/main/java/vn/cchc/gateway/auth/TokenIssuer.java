package vn.cchc.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Signs access tokens for scripts ({@code POST /api/auth/token}) with the same key and claims as the browser flow. */
public class TokenIssuer {
    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    public TokenIssuer(JwtEncoder encoder, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(AuthProperties.Account account, String issuer) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.username())
                .audience(List.of("cchc"))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.getTokenTtl()))
                .id(UUID.randomUUID().toString());
        addUserClaims(account, claims::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    public long expiresInSeconds() {
        return properties.getTokenTtl().toSeconds();
    }

    /** The claims the services read: roles → authorities, units → scope (see platform-security's CurrentUser). */
    static void addUserClaims(AuthProperties.Account account, java.util.function.BiConsumer<String, Object> claim) {
        claim.accept("preferred_username", account.username());
        if (account.displayName() != null) {
            claim.accept("name", account.displayName());
        }
        claim.accept("roles", account.roles());
        claim.accept("units", account.units());
    }
}
