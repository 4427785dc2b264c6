package vn.cchc.platform.events.deadletters;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The dead-letter topics of this service's consumer bindings, as each binding's container is configured. */
public class DeadLetterTopics {
    private final Map<String, DeadLetterTopic> topics = new ConcurrentSkipListMap<>();

    public void register(DeadLetterTopic topic) {
        topics.put(topic.topic(), topic);
    }

    public Collection<DeadLetterTopic> all() {
        return topics.values();
    }

    public Optional<DeadLetterTopic> find(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }
}
