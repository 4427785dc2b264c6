package vn.cchc.reporting.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import vn.cchc.security.ServiceSecurity;

/**
 * platform-security's service rules with one addition in front: {@code /api/reports/admin/**} (rebuild) is for
 * PROVINCE_ADMIN and OPS. The library's rules alone would send OPS to 403 on every {@code /api/**} call, reads and
 * writes alike, before the controller could decide; everything else (open health/Prometheus/docs, OPS-only actuator,
 * data roles for GET, writer roles for other methods, 401/403 as Problem Details) is the library's, unchanged.
 *
 * <p>{@code /api/public/**} (the transparency figures of the provinces that publish them) has its own chain first:
 * no token, no resource server at all (a stray or stale Authorization header is ignored, not a 401).
 */
@Configuration(proxyBeanMethods = false)
class ReportingSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain publicFigures(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/public/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // read-only by construction: only GET mappings exist there, any other method is a 405 Problem
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain reportingSecurityRules(HttpSecurity http) throws Exception {
        ServiceSecurity.resourceServer(http).authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/reports/admin/**").hasAnyRole("PROVINCE_ADMIN", "OPS"));
        return ServiceSecurity.serviceRules(http).build();
    }
}
