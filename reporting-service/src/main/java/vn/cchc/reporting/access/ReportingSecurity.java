package vn.cchc.reporting.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.cchc.security.ServiceSecurity;

/**
 * platform-security's service rules with one addition in front: {@code /api/reports/admin/**} (rebuild) is for
 * PROVINCE_ADMIN and OPS. The library's rules alone would send OPS to 403 on every {@code /api/**} call, reads and
 * writes alike, before the controller could decide; everything else (open health/Prometheus/docs, OPS-only actuator,
 * data roles for GET, writer roles for other methods, 401/403 as Problem Details) is the library's, unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ReportingSecurity {
    @Bean
    SecurityFilterChain reportingSecurityRules(HttpSecurity http) throws Exception {
        ServiceSecurity.resourceServer(http).authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/reports/admin/**").hasAnyRole("PROVINCE_ADMIN", "OPS"));
        return ServiceSecurity.serviceRules(http).build();
    }
}
