package vn.cchc.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local stack's own identity provider (no external IdP): Spring Authorization Server with OIDC discovery,
 * authorization code + PKCE for the browser ({@code cchc-web}, a public client), a JWKS at
 * {@code /oauth2/jwks} that the services trust, and {@code POST /api/auth/token} for scripts. Off in production
 * ({@code cchc.auth.local-issuer.enabled=false}), where Keycloak issues the tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cchc.auth.local-issuer.enabled", havingValue = "true", matchIfMissing = true)
public class LocalIssuerConfiguration {

    /** OAuth2 / OIDC endpoints; an unauthenticated browser is sent to the sign-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
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
    SecurityFilterChain loginChain(HttpSecurity http, AccountDirectory accounts) throws Exception {
        http.securityMatcher("/login", "/logout")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .userDetailsService(accounts)
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    RSAKey signingKey(AuthProperties properties) {
        return SigningKey.loadOrCreate(properties.getKeyDir());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /** The gateway checks tokens against its own key, without an HTTP round trip to itself. */
    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey) throws com.nimbusds.jose.JOSEException {
        return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
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
    TokenIssuer tokenIssuer(JwtEncoder jwtEncoder, AuthProperties properties, Clock clock) {
        return new TokenIssuer(jwtEncoder, properties, clock);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!properties.getIssuer().isBlank()) {
            settings.issuer(properties.getIssuer());
        }
        return settings.build();
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
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.getTokenTtl()).build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    /** Tokens from the browser flow carry the same roles / units claims as those from /api/auth/token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> userClaims(AccountDirectory accounts) {
        return context -> accounts.find(context.getPrincipal().getName())
                .ifPresent(account -> TokenIssuer.addUserClaims(account, context.getClaims()::claim));
    }
}
