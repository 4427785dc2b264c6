package vn.cchc.gateway.auth;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import vn.cchc.gateway.shared.SharedRevocations;
import vn.cchc.gateway.shared.SharedSignInFailures;
import vn.cchc.security.AccessTokenPolicy;

/**
 * The local stack's own identity provider, only with {@code cchc.auth.demo=true} (Spring profile {@code demo}, which
 * run-local.sh turns on): Spring Authorization Server with OIDC discovery, authorization code + PKCE for the browser
 * ({@code cchc-web}, a public client) with rotated refresh tokens, revocation at sign-out, a JWKS at
 * {@code /oauth2/jwks} that the services trust, and {@code POST /api/auth/token} for scripts. Anywhere else the
 * gateway only checks tokens of the configured external issuer (platform-security's decoder).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cchc.auth.demo", havingValue = "true")
public class LocalIssuerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LocalIssuerConfiguration.class);

    /** OAuth2 / OIDC endpoints; an unauthenticated browser is sent to the sign-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
                                                 OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
                                                 OAuth2AuthorizationService authorizations,
                                                 AuthorizationServerSettings settings, RevokedTokens revoked) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults())
                            .tokenGenerator(tokenGenerator)
                            .authorizationService(authorizations)
                            .clientAuthentication(client -> client
                                    .authenticationConverter(PublicClientAuthentication.converter(
                                            settings.getTokenEndpoint(), settings.getTokenRevocationEndpoint()))
                                    .authenticationProvider(PublicClientAuthentication.provider(clients)))
                            .tokenRevocationEndpoint(revocation -> revocation
                                    .revocationResponseHandler(denyListAccessToken(authorizations, revoked)));
                })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The sign-in form: a browser session exists only for the code flow, never for the API. */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http, AccountDirectory accounts, SignInGuard guard) throws Exception {
        AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        http.securityMatcher("/login", "/logout")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .userDetailsService(accounts)
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler((request, response, exception) -> {
                            guard.failed(request.getParameter("username"), request.getRemoteAddr(), "form");
                            failure.onAuthenticationFailure(request, response, exception);
                        })
                        .successHandler((request, response, authentication) -> {
                            guard.succeeded(authentication.getName());
                            success.onAuthenticationSuccess(request, response, authentication);
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Before Spring Security: a locked username or address is refused before its password is looked at. */
    @Bean
    FilterRegistrationBean<SignInLockoutFilter> signInLockoutFilter(SignInGuard guard) {
        FilterRegistrationBean<SignInLockoutFilter> registration = new FilterRegistrationBean<>(new SignInLockoutFilter(guard));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    @Bean
    SignInGuard signInGuard(AuthProperties properties, Clock clock, MeterRegistry meters,
                            ObjectProvider<SharedSignInFailures> shared) {
        return new SignInGuard(properties.getSignIn(), clock, meters, shared.getIfAvailable());
    }

    @Bean
    SigningKeys signingKeys(AuthProperties properties) {
        if (properties.getIssuer().isBlank()) {
            throw new IllegalStateException("cchc.auth.issuer must be set: the fixed iss of the built-in issuer's tokens");
        }
        log.warn("DEMO MODE: the gateway is its own token issuer ({}) with the demo accounts of demo-accounts.yml. "
                + "Never in production: there, configure an external OIDC issuer (docs/security.md).", properties.getIssuer());
        return SigningKeys.load(properties.getKeyDir(), properties.getActiveKeyId(), properties.isGenerateKey());
    }

    /** Every key's public half, by kid: what {@code /oauth2/jwks} publishes and what the gateway verifies with. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.publicSet());
    }

    /** Signs with the active key only (its kid goes into the header). */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.signingSet()));
    }

    /** The gateway checks tokens against its own keys, without an HTTP round trip to itself, and by the same policy as the services. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthProperties properties, Environment environment) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(new AccessTokenPolicy(properties.getIssuer(), audience(environment)).validator());
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountDirectory accountDirectory(AuthProperties properties, PasswordEncoder passwordEncoder) {
        return new AccountDirectory(properties, passwordEncoder);
    }

    @Bean
    TokenIssuer tokenIssuer(JwtEncoder jwtEncoder, AuthProperties properties, Environment environment, Clock clock) {
        return new TokenIssuer(jwtEncoder, properties, audience(environment), clock);
    }

    @Bean
    RevokedTokens revokedTokens(Clock clock, ObjectProvider<SharedRevocations> shared) {
        return new RevokedTokens(clock, shared.getIfAvailable());
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.getIssuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthProperties properties) {
        AuthProperties.WebClient web = properties.getWebClient();
        RegisteredClient client = RegisteredClient.withId(UUID.nameUUIDFromBytes(web.getClientId().getBytes()).toString())
                .clientId(web.getClientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(web.getRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.getAccessTokenTtl())
                        .refreshTokenTimeToLive(properties.getRefreshTokenTtl())
                        .reuseRefreshTokens(false) // rotation: each refresh token works once
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    /** JWT access and ID tokens with our claims, and refresh tokens also for the public browser client. */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder jwtEncoder, AccountDirectory accounts,
                                                     Environment environment, Clock clock) {
        JwtGenerator jwt = new JwtGenerator(jwtEncoder);
        jwt.setJwtCustomizer(userClaims(accounts, audience(environment)));
        return new DelegatingOAuth2TokenGenerator(jwt, refreshTokens(clock));
    }

    /**
     * Access tokens: {@code aud} = the API audience (never the client id, which is an ID token's audience), a
     * {@code jti} for revocation, roles and units. ID tokens: only who signed in.
     */
    static OAuth2TokenCustomizer<JwtEncodingContext> userClaims(AccountDirectory accounts, String audience) {
        return context -> {
            var account = accounts.find(context.getPrincipal().getName());
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(audience)).id(UUID.randomUUID().toString());
                account.ifPresent(a -> TokenIssuer.addUserClaims(a, context.getClaims()::claim));
            } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                account.ifPresent(a -> TokenIssuer.addNames(a, context.getClaims()::claim));
            }
        };
    }

    /**
     * Spring Authorization Server's own generator gives public clients no refresh token. This one does, for clients
     * allowed the refresh_token grant; a rotated token keeps the expiry of the first one, so a browser session ends
     * {@code refresh-token-ttl} after the password was typed, however often it refreshed.
     */
    static OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens(Clock clock) {
        StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return context -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = clock.instant();
            Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
            OAuth2Authorization authorization = context.getAuthorization();
            if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType()) && authorization != null
                    && authorization.getRefreshToken() != null && authorization.getRefreshToken().getToken().getExpiresAt() != null) {
                expiresAt = authorization.getRefreshToken().getToken().getExpiresAt();
            }
            return new OAuth2RefreshToken(values.generateKey(), issuedAt, expiresAt);
        };
    }

    /**
     * Sign-out revokes the refresh token at {@code /oauth2/revoke}; the access token of the same authorization is
     * put on the gateway's deny-list until it expires ({@link RevokedTokens}).
     */
    static AuthenticationSuccessHandler denyListAccessToken(OAuth2AuthorizationService authorizations, RevokedTokens revoked) {
        return (request, response, authentication) -> {
            OAuth2TokenRevocationAuthenticationToken revocation = (OAuth2TokenRevocationAuthenticationToken) authentication;
            OAuth2Authorization authorization = authorizations.findByToken(revocation.getToken(), null);
            if (authorization != null && authorization.getAccessToken() != null) {
                Map<String, Object> claims = authorization.getAccessToken().getClaims();
                if (claims != null && claims.get("jti") != null) {
                    revoked.revoke(String.valueOf(claims.get("jti")), authorization.getAccessToken().getToken().getExpiresAt());
                }
            }
            response.setStatus(200);
        };
    }

    static String audience(Environment environment) {
        return environment.getProperty("cchc.security.audience", AccessTokenPolicy.DEFAULT_AUDIENCE);
    }
}
