package vn.cchc.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service an OAuth2 resource server that validates JWTs itself: issuer
 * ({@code cchc.security.issuer}, required), audience ({@code cchc.security.audience}, default {@code cchc-api}) and
 * kind (access token, not ID token) by {@link AccessTokenPolicy}; keys from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (the gateway's or the IdP's JWKS), else discovered
 * from the issuer. Tests set {@code cchc.security.public-key-location} (see the test-jar's
 * {@code TestTokens.PUBLIC_KEY_PROPERTY}), which wins over both, so a service's application.properties can keep
 * its jwk-set-uri and its tests still use the fixed test key. An application that defines its own
 * {@link SecurityFilterChain} (the gateway) keeps it, and can reuse {@link ServiceSecurity}.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(SecurityProblemAdvice.class)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain cchcServiceSecurity(HttpSecurity http) throws Exception {
        return ServiceSecurity.serviceRules(ServiceSecurity.resourceServer(http)).build();
    }

    /**
     * Every JwtDecoder (Boot's JWKS one, the test key's, the gateway's own) remembers the tokens it accepted:
     * {@link CachingJwtDecoder}. {@code cchc.security.token-cache.enabled=false} turns it off.
     */
    @Bean
    @ConditionalOnProperty(name = "cchc.security.token-cache.enabled", havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor cchcCachingJwtDecoders(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
                    return new CachingJwtDecoder(decoder, Clock.systemUTC(),
                            environment.getProperty("cchc.security.token-cache.max-age", Duration.class, Duration.ofMinutes(5)),
                            environment.getProperty("cchc.security.token-cache.max-entries", Long.class, 10_000L));
                }
                return bean;
            }
        };
    }

    /**
     * No observation (timer, trace span) around every security filter of every request: with the observation
     * registry of actuator, Spring Security wraps each of its ~15 filters in one, which profiling found costing about
     * a tenth of a request's CPU (docs/profiling.md). The HTTP request itself is still observed (http.server.requests).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings cchcSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The one token decoder: keys from the test PEM ({@code cchc.security.public-key-location}, tests only), else
     * the JWKS at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, else discovered from the issuer;
     * validated by {@link AccessTokenPolicy} (issuer, audience, access token). Without an issuer the application
     * refuses to start.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder cchcJwtDecoder(Environment environment, ResourceLoader resources) throws Exception {
        AccessTokenPolicy policy = AccessTokenPolicy.from(environment);
        String pem = environment.getProperty("cchc.security.public-key-location", "");
        String jwkSetUri = environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "");
        NimbusJwtDecoder decoder = !pem.isBlank() ? NimbusJwtDecoder.withPublicKey(readPublicKey(resources.getResource(pem))).build()
                : !jwkSetUri.isBlank() ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build()
                : NimbusJwtDecoder.withIssuerLocation(policy.issuer()).build();
        decoder.setJwtValidator(policy.validator());
        return decoder;
    }

    static RSAPublicKey readPublicKey(Resource pem) throws Exception {
        try (InputStream in = pem.getInputStream()) {
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + pem, e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CurrentUserParameter implements WebMvcConfigurer {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CurrentUserArgumentResolver());
        }
    }
}
