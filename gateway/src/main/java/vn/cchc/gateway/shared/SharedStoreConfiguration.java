package vn.cchc.gateway.shared;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The store the gateway replicas share (rate windows, revoked tokens, sign-in failures), in MongoDB, only when
 * {@code spring.mongodb.uri} is set (run-local.sh: {@code cchc-gateway} on the wire server; Kubernetes: the
 * {@code mongo-gateway} Secret). Without it every replica keeps its own counts. The driver is given short timeouts:
 * a blip must cost a request milliseconds, not the driver's default 30 s server selection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.mongodb.uri")
public class SharedStoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient sharedStoreClient(Environment environment, ObjectProvider<SslBundles> bundles) {
        ConnectionString uri = new ConnectionString(environment.getRequiredProperty("spring.mongodb.uri"));
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applicationName("gateway")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(500, TimeUnit.MILLISECONDS)
                        .readTimeout(1, TimeUnit.SECONDS));
        // the same TLS settings the services take (deploy/k8s/base/data-credentials.yaml): a PEM bundle with the CA
        String bundle = environment.getProperty("spring.mongodb.ssl.bundle", "");
        if (!bundle.isBlank()) {
            SslBundles sslBundles = bundles.getObject();
            settings.applyToSslSettings(ssl -> ssl.enabled(true).context(sslBundles.getBundle(bundle).createSslContext()));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    SharedStore sharedStore(MongoClient sharedStoreClient, Environment environment, MeterRegistry meters, Clock clock) {
        ConnectionString uri = new ConnectionString(environment.getRequiredProperty("spring.mongodb.uri"));
        String database = environment.getProperty("spring.mongodb.database",
                uri.getDatabase() == null || uri.getDatabase().isBlank() ? "cchc-gateway" : uri.getDatabase());
        return new SharedStore(sharedStoreClient.getDatabase(database), meters, clock);
    }

    @Bean
    SharedRateWindows sharedRateWindows(SharedStore store) {
        return new SharedRateWindows(store);
    }

    @Bean
    SharedRevocations sharedRevocations(SharedStore store) {
        return new SharedRevocations(store);
    }

    @Bean
    SharedSignInFailures sharedSignInFailures(SharedStore store) {
        return new SharedSignInFailures(store);
    }
}
