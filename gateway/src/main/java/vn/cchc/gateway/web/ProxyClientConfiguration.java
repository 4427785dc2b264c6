package vn.cchc.gateway.web;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway proxies with (Apache HttpClient, picked by Boot). Its default pool allows 5
 * connections per service, which a few open event streams would use up and then every other request to
 * that service would queue; the pool is sized by {@code cchc.gateway.max-connections-per-service}.
 */
@Configuration(proxyBeanMethods = false)
public class ProxyClientConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> proxyConnectionPool(
            GatewayProperties properties) {
        int perService = properties.getMaxConnectionsPerService();
        return builder -> builder.withConnectionManagerCustomizer(pool -> pool
                .setMaxConnPerRoute(perService)
                .setMaxConnTotal(perService * 4));
    }
}
