package vn.cchc.gateway.web;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway proxies with (Apache HttpClient, picked by Boot). Its default pool allows 5
 * connections per service, which a few open event streams would use up and then every other request to
 * that service would queue; the pool is sized by {@code cchc.gateway.max-connections-per-service}.
 * Automatic retries are off: by default the client re-sends a GET answered 429 or 503 after its Retry-After (30 s for a
 * refused live stream), holding the caller's request silent all that time. The caller gets the service's answer.
 */
@Configuration(proxyBeanMethods = false)
public class ProxyClientConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> proxyConnectionPool(
            GatewayProperties properties) {
        int perService = properties.getMaxConnectionsPerService();
        return builder -> builder.withConnectionManagerCustomizer(pool -> pool
                        .setMaxConnPerRoute(perService)
                        .setMaxConnTotal(perService * 4))
                .withHttpClientCustomizer(client -> client.disableAutomaticRetries());
    }
}
