package vn.cchc.reporting.transparency;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction on Caffeine: the public figures of a province-year live {@code cache-ttl} after they were
 * computed. Bounded (a caller may ask for any year), and the only cache of the service.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class TransparencyCaching {
    static final String CACHE = "transparency";

    @Bean
    CacheManager cacheManager(TransparencyProperties properties) {
        CaffeineCacheManager manager = new CaffeineCacheManager(CACHE);
        manager.setCaffeine(Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(500));
        manager.setAllowNullValues(false);
        return manager;
    }
}
