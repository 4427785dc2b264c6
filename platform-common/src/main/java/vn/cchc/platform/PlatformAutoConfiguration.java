package vn.cchc.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import vn.cchc.platform.availability.DataStoreUnavailableAdvice;
import vn.cchc.platform.availability.MongoFailFast;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import vn.cchc.platform.health.MongoPingHealthIndicator;
import vn.cchc.platform.health.ReadinessGauge;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.events.deadletters.DeadLetterKafka;
import vn.cchc.platform.events.deadletters.DeadLetterReplay;
import vn.cchc.platform.events.deadletters.DeadLetterTopics;
import vn.cchc.platform.events.deadletters.DeadLettersEndpoint;
import vn.cchc.platform.events.retry.ConsumerFailureHandling;
import vn.cchc.platform.events.retry.EventRetries;
import vn.cchc.platform.events.retry.RetryProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import vn.cchc.platform.outbox.AggregateWriter;
import vn.cchc.platform.outbox.OutboxProperties;
import vn.cchc.platform.outbox.OutboxRelay;
import vn.cchc.platform.outbox.OutboxWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Configuration;
import vn.cchc.platform.web.ProblemDetailsAdvice;
import vn.cchc.platform.web.ProblemErrorController;
import vn.cchc.platform.web.TomcatProblemDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/** What every service gets: a Clock, Problem Details, and the outbox relay when it declares outbox collections. */
// before Boot's error handling, so that its BasicErrorController backs off for ProblemErrorController
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
@Import({ProblemDetailsAdvice.class, DataStoreUnavailableAdvice.class, ProblemErrorController.class})
public class PlatformAutoConfiguration {

    /** Tomcat's own refusals (before any servlet) as Problem Details too. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    TomcatProblemDetails tomcatProblemDetails() {
        return new TomcatProblemDetails();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Shown as "mongoPing" in health; Boot's own "mongo" indicator is switched off in cchc-defaults.properties. */
    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Every consumer takes its events through this gate: owner, envelope and contract checked (see EventGate). */
    @Bean
    @ConditionalOnMissingBean
    EventGate eventGate(JsonMapper json, MeterRegistry meters) {
        return new EventGate(json, meters);
    }

    @Bean
    MongoFailFast mongoFailFast(@Value("${cchc.mongo.server-selection-timeout:2s}") Duration serverSelectionTimeout) {
        return new MongoFailFast(serverSelectionTimeout);
    }

    @Bean
    ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessGauge(health);
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateWriter outboxAggregateWriter(MongoTemplate mongo) {
        return new AggregateWriter(mongo);
    }

    @Bean
    @ConditionalOnProperty(prefix = "cchc.outbox", name = "collections")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                            OutboxProperties properties, MeterRegistry meters, ObjectProvider<OutboxWrites> writes) {
        return new OutboxRelay(mongo, kafka, json, properties, meters, writes.getIfAvailable());
    }

    /**
     * How every consumer binding treats a failure (refused: dead-lettered at once; transient: waits; other: a few
     * attempts, then dead-lettered) and the replay of its dead-letter topic (docs/event-trust.md, docs/operations.md).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer")
    @EnableConfigurationProperties(RetryProperties.class)
    static class EventConsumerFailures {
        @Bean
        DeadLetterKafka deadLetterKafka(KafkaProperties kafka) {
            return new DeadLetterKafka(kafka.buildProducerProperties(), kafka.buildConsumerProperties());
        }

        @Bean
        EventRetries eventRetries(MeterRegistry meters) {
            return new EventRetries(meters);
        }

        @Bean
        DeadLetterTopics deadLetterTopics() {
            return new DeadLetterTopics();
        }

        @Bean
        ConsumerFailureHandling consumerFailureHandling(DeadLetterKafka kafka, RetryProperties retry, EventRetries retries,
                                                        DeadLetterTopics topics) {
            return new ConsumerFailureHandling(kafka.template(), retry, retries, topics);
        }

        @Bean
        DeadLetterReplay deadLetterReplay(DeadLetterKafka kafka) {
            return new DeadLetterReplay(kafka::consumer, kafka.template(), Duration.ofSeconds(30));
        }

        @Bean
        @ConditionalOnAvailableEndpoint
        DeadLettersEndpoint deadLettersEndpoint(DeadLetterTopics topics, DeadLetterReplay replay) {
            return new DeadLettersEndpoint(topics, replay);
        }
    }

    /** The relay publishes this process's writes right after them instead of waiting for its next pass. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "cchc.outbox", name = "collections")
    @ConditionalOnBooleanProperty(name = "cchc.outbox.wake-on-write", matchIfMissing = true)
    static class OutboxWakeOnWrite {
        @Bean
        OutboxWrites outboxWrites(OutboxProperties properties) {
            return new OutboxWrites(properties.collections(), 10_000);
        }

        @Bean
        MongoClientSettingsBuilderCustomizer outboxWritesListener(OutboxWrites writes) {
            return settings -> settings.addCommandListener(writes);
        }
    }
}
