package vn.cchc.platform.events.deadletters;

/** A consumer binding's dead-letter topic and where its records came from. */
public record DeadLetterTopic(String topic, String originalTopic, String group, String binding) {

    /** The consumer group that remembers how far this topic has been replayed. */
    public String replayGroup() {
        return group + ".dlq-replay";
    }
}
