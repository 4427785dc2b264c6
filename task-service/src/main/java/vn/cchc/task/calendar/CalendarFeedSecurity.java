package vn.cchc.task.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.cchc.security.ServiceSecurity;

/**
 * Two filter chains: {@code GET /api/tasks/calendar/feeds/{key}.ics} alone is served without a token (the key in the
 * address is the credential; no bearer processing at all, so a calendar app's stray header cannot break it), and
 * everything else gets the rules every service applies ({@link ServiceSecurity}). Defining a chain here replaces
 * platform-security's default one, hence the second bean.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.GET, CalendarSubscriptionController.FEEDS + "/*.ics"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain serviceChain(HttpSecurity http) throws Exception {
        return ServiceSecurity.serviceRules(ServiceSecurity.resourceServer(http)).build();
    }
}
