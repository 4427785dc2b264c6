package vn.cchc.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The rules every service applies: health, info, Prometheus and the OpenAPI docs are open; other actuator
 * endpoints need OPS; the API needs a data-reading role; anything else needs a valid token. Writes are then
 * checked per unit by the service through {@link CurrentUser#requireWrite}.
 */
public final class ServiceSecurity {
    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};
    static final String[] DATA_ROLES = {"PROVINCE_ADMIN", "COORDINATOR", "EDITOR", "VIEWER"};
    static final String[] WRITE_ROLES = {"PROVINCE_ADMIN", "COORDINATOR", "EDITOR"};

    private ServiceSecurity() {
    }

    /** Stateless bearer-token resource server with Problem Details errors (no session, no CSRF: no cookies). */
    public static HttpSecurity resourceServer(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenClaims()))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }

    /** The path rules of a service (the gateway adds its own in front). */
    public static HttpSecurity serviceRules(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth
                .requestMatchers(OPEN).permitAll()
                .requestMatchers("/actuator/**").hasRole("OPS")
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(DATA_ROLES)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(DATA_ROLES)
                .requestMatchers("/api/**").hasAnyRole(WRITE_ROLES)
                .anyRequest().authenticated());
    }
}
