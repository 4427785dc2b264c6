package vn.cchc.security;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a JWT an access token for this platform, checked by the gateway and by every service: signed by a
 * trusted key (the decoder's job), unexpired, issued by the one configured issuer ({@code iss}), meant for the
 * platform's API ({@code aud} contains the API audience) and not an ID token. An ID token is made for the client
 * ({@code aud} = the client id) and Keycloak marks it {@code typ: "ID"}: either way it is refused as a bearer token.
 */
public record AccessTokenPolicy(String issuer, String audience) {
    public static final String DEFAULT_AUDIENCE = "cchc-api";
    static final String ISSUER_PROPERTY = "cchc.security.issuer";
    static final String AUDIENCE_PROPERTY = "cchc.security.audience";
    static final String BOOT_ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    public AccessTokenPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("""
                    No token issuer is configured, so no token could be trusted: set cchc.security.issuer \
                    (environment CCHC_SECURITY_ISSUER) to the OIDC issuer whose access tokens are accepted, e.g. \
                    https://sso.example.gov.vn/realms/cchc, and the keys with \
                    spring.security.oauth2.resourceserver.jwt.jwk-set-uri (or they are discovered from the issuer). \
                    The gateway's built-in issuer with demo accounts exists only in the local stack (Spring profile \
                    'demo', ./run-local.sh). See docs/security.md.""");
        }
        if (audience == null || audience.isBlank()) {
            audience = DEFAULT_AUDIENCE;
        }
    }

    /** {@code cchc.security.issuer} (or Boot's {@code ...jwt.issuer-uri}) and {@code cchc.security.audience}. */
    public static AccessTokenPolicy from(Environment environment) {
        String issuer = environment.getProperty(ISSUER_PROPERTY, "");
        if (issuer.isBlank()) {
            issuer = environment.getProperty(BOOT_ISSUER_PROPERTY, "");
        }
        return new AccessTokenPolicy(issuer, environment.getProperty(AUDIENCE_PROPERTY, DEFAULT_AUDIENCE));
    }

    public OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), this::checkAudience, AccessTokenPolicy::notAnIdToken);
    }

    private OAuth2TokenValidatorResult checkAudience(Jwt jwt) {
        List<String> audiences = jwt.getAudience();
        return audiences != null && audiences.contains(audience) ? OAuth2TokenValidatorResult.success()
                : failure("The token is not meant for this API (aud must contain " + audience + ")");
    }

    private static OAuth2TokenValidatorResult notAnIdToken(Jwt jwt) {
        return "ID".equalsIgnoreCase(jwt.getClaimAsString("typ"))
                ? failure("An ID token is not an access token") : OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
