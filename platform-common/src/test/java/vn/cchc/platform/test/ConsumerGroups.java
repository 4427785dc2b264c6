package vn.cchc.platform.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Waits for a service's consumers to catch up: until its consumer group has committed, on every partition of the given
 * topics, the offset at the end of the partition. A Spring Cloud Stream consumer commits an offset only once the record
 * before it has been handled (applied, or sent to the dead-letter topic), so afterwards every event sent so far has had
 * its effect on the read models — the precise state to wait for before a test takes a baseline, asserts that something
 * did not happen, or counts what a consumer produced.
 */
public final class ConsumerGroups {
    /** Generous: CI runs every module on a loaded 2-core machine, often next to other builds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private ConsumerGroups() {
    }

    public static void awaitCaughtUp(String brokers, String group, String... topics) {
        awaitCaughtUp(brokers, group, DEFAULT_TIMEOUT, topics);
    }

    public static void awaitCaughtUp(String brokers, String group, Duration timeout, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Awaitility.await("consumer group " + group + " to catch up on " + List.of(topics))
                    .atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> caughtUp(admin, group, topics));
        }
    }

    static boolean caughtUp(Admin admin, String group, String... topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(List.of(topics)).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (var end : ends.entrySet()) {
            long endOffset = end.getValue().offset();
            OffsetAndMetadata done = committed.get(end.getKey());
            if (endOffset > 0 && (done == null || done.offset() < endOffset)) {
                return false;
            }
        }
        return true;
    }
}
