package vn.cchc.system.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.Http;
import vn.cchc.system.DemoAccounts;
import vn.cchc.system.LocalStack;

/**
 * The shared local stack as the bus drills reach it: the gateway for the API, the broker for records produced as
 * anyone on the network could, each service's own port for its actuator (never through the gateway), and the demo
 * accounts' tokens (one sign-in per account per run: the gateway rate-limits sign-ins).
 */
final class BusStack {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String GATEWAY = LocalStack.GATEWAY;
    static final String KAFKA = "127.0.0.1:" + LocalStack.KAFKA_PORT;
    static final String TASK_SERVICE = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 2);
    static final String REPORTING_SERVICE = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 4);
    static final String PUBLICATIONS = "cchc.publication.events";
    static final String TASKS = "cchc.task.events";
    static final String PLANS = "cchc.plan.events";
    static final String UNITS = "cchc.unit.events";
    static final Duration WAIT = Duration.ofSeconds(120);

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private BusStack() {
    }

    static int year() {
        return LocalDate.now(VIETNAM).getYear();
    }

    /** {@code Bearer <token>} of a demo account. */
    static String bearer(String username) {
        return TOKENS.computeIfAbsent(username, name -> {
            Http.Response response = Http.postJson(GATEWAY + "/api/auth/token",
                    "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(name, DemoAccounts.password(name)));
            assertThat(response.status()).as("sign-in of %s: %s", name, response.body()).isEqualTo(200);
            return "Bearer " + JSON.readTree(response.body()).get("access_token").asString();
        });
    }

    static JsonNode json(Http.Response response) {
        return JSON.readTree(response.body());
    }

    static Http.Response post(String url, String user) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", bearer(user));
    }

    /** Every consumer group of the platform past the end of the topics it reads: all events so far have had their effect. */
    static void awaitConsumers() {
        ConsumerGroups.awaitCaughtUp(KAFKA, "reporting-service", WAIT, UNITS, PLANS, TASKS, PUBLICATIONS);
        ConsumerGroups.awaitCaughtUp(KAFKA, "task-service", WAIT, PLANS, PUBLICATIONS);
        ConsumerGroups.awaitCaughtUp(KAFKA, "publication-service", WAIT, UNITS);
    }

    static int partitions(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** The sum of the topic's end offsets: how many records it has ever held. */
    static long endOffset(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p ->
                    latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** Produces records straight onto the broker, as anyone reaching it could. */
    static final class Producer implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());

        /** A record on one partition with exactly these text headers (none: no envelope at all) and value. */
        void send(String topic, Integer partition, String key, Map<String, String> headers, String value) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            send(record);
        }

        /** A copy of a record read off a topic: same key, value and headers. */
        void resend(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> original) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
            for (Header header : original.headers()) {
                copy.headers().add(header.key(), header.value());
            }
            send(copy);
        }

        private void send(ProducerRecord<String, byte[]> record) {
            try {
                producer.send(record).get();
            } catch (Exception e) {
                throw new IllegalStateException("could not produce onto " + record.topic(), e);
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** The CloudEvents headers of {@code type} from {@code source}, as an outbox writes them. */
    static Map<String, String> envelope(String type, String source, String subject) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_subject", subject);
        headers.put("ce_time", java.time.OffsetDateTime.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    static List<String> keys(List<? extends org.apache.kafka.clients.consumer.ConsumerRecord<String, ?>> records) {
        List<String> keys = new ArrayList<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }
}
