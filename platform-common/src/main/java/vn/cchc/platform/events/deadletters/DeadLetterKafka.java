package vn.cchc.platform.events.deadletters;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The Kafka clients of dead-lettering and replay, built from Boot's {@code spring.kafka.*} settings (brokers and, in a
 * cluster, SASL/TLS) with byte keys and values, since records are forwarded as they were read. Not a
 * {@code KafkaTemplate} bean: that would make Boot drop the services' own template (String keys) used by the outbox.
 */
public final class DeadLetterKafka implements AutoCloseable {
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Map<String, Object> consumerProperties;

    public DeadLetterKafka(Map<String, Object> producerProperties, Map<String, Object> consumerProperties) {
        Map<String, Object> producer = new HashMap<>(producerProperties);
        producer.remove("transactional.id");
        this.producers = new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
        this.consumerProperties = new HashMap<>(consumerProperties);
    }

    public KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    /** A consumer of {@code group} that commits only what it is told to, from the beginning when the group has nothing. */
    public Consumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + java.util.UUID.randomUUID());
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
