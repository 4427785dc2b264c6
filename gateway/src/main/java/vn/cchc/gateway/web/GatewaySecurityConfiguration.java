package vn.cchc.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import vn.cchc.gateway.auth.AuthProperties;
import vn.cchc.security.ProblemResponses;
import vn.cchc.security.ServiceSecurity;

/**
 * The gateway checks every API token itself (401 before routing) and relays it unchanged: the services check
 * it again and decide per unit. Here only the coarse rules: reads need a data-reading role, writes a writing
 * role, so a VIEWER's or OPS's write never reaches a service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, AuthProperties.class})
public class GatewaySecurityConfiguration {
    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/docs/**", "/error",
        "/favicon.ico", "/favicon.svg",
        // the web UI's static files and its OAuth2 redirect page; the data stays behind /api/**
        "/", "/index.html", "/app.css", "/ui/callback", "/js/**", "/css/**", "/webjars/**",
        // the public transparency page (no sign-in) and its data
        "/cong-khai", "/public.html",
        // calendar subscription: the secret key in the path is the credential (docs/tasks.md), rate-limited per address
        "/api/tasks/calendar/feeds/*.ics"};
    /** Figures anyone may read (reporting-service's transparency pages); still rate limited per address. */
    static final String PUBLIC_API = "/api/public/**";

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        ServiceSecurity.resourceServer(http)
                // a browser outside /api/** gets the Vietnamese page (the status is rendered at /error)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(PageOrProblem.unauthorized(ProblemResponses.unauthorized()))
                        .accessDeniedHandler(PageOrProblem.forbidden(ProblemResponses.forbidden())))
                .cors(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_API).permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPS")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("PROVINCE_ADMIN", "COORDINATOR", "EDITOR", "VIEWER")
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole("PROVINCE_ADMIN", "COORDINATOR", "EDITOR", "VIEWER")
                        .requestMatchers("/api/**").hasAnyRole("PROVINCE_ADMIN", "COORDINATOR", "EDITOR")
                        // outside /api/** and /actuator/** there are only static files and pages: a mistyped
                        // address is a 404 page, not a demand to sign in
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.getCors().getAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "X-Request-Id", "traceparent"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id", "X-Trace-Id", "X-RateLimit-Remaining"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
