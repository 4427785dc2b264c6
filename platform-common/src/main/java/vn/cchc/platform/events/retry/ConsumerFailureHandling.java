package vn.cchc.platform.events.retry;

import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import vn.cchc.platform.events.deadletters.DeadLetterHeaders;
import vn.cchc.platform.events.deadletters.DeadLetterTopic;
import vn.cchc.platform.events.deadletters.DeadLetterTopics;

/**
 * Moves retries and dead-lettering of every consumer binding from the binder (whose retry template tried any failure
 * three times, then dead-lettered it: a valid event was lost to the read model while MongoDB was down) to the
 * listener container, where a {@link WaitingErrorHandler} treats each failure by its {@link FailureKind}: a refusal is
 * dead-lettered at once, a transient failure waits with a capped exponential back-off for as long as it lasts (the
 * record is never skipped), anything else is retried per the binding's {@code max-attempts} and back-off properties,
 * then dead-lettered. Dead-lettering is Spring Kafka's {@link DeadLetterPublishingRecoverer} to the binding's
 * {@code dlq-name}, with the {@code x-*} headers of {@link DeadLetterHeaders} (the send is awaited: a record whose
 * dead-letter send fails is tried again, not lost). Each binding's dead-letter topic is registered for the replay
 * endpoint. Record-mode bindings need {@code max-attempts} above 1 (otherwise the binder keeps its own error channel);
 * batch bindings tell the container which record failed with a {@code BatchListenerFailedException}.
 */
public class ConsumerFailureHandling implements ListenerContainerWithDlqAndRetryCustomizer {
    private final KafkaOperations<byte[], byte[]> deadLetterTemplate;
    private final RetryProperties retry;
    private final EventRetries retries;
    private final DeadLetterTopics topics;

    public ConsumerFailureHandling(KafkaOperations<byte[], byte[]> deadLetterTemplate, RetryProperties retry,
                                   EventRetries retries, DeadLetterTopics topics) {
        this.deadLetterTemplate = deadLetterTemplate;
        this.retry = retry;
        this.retries = retries;
        this.topics = topics;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          @Nullable BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          @Nullable BackOff backOff, @Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        String binding = properties != null && properties.getBindingName() != null ? properties.getBindingName() : destinationName;
        DeadLetterPublishingRecoverer recoverer = null;
        if (dlqDestinationResolver != null) {
            recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate, dlqDestinationResolver);
            recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.values());
            recoverer.setHeadersFunction(DeadLetterHeaders::of);
            recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(30));
            if (properties != null && properties.getExtension().getDlqName() != null) {
                topics.register(new DeadLetterTopic(properties.getExtension().getDlqName(), destinationName, group, binding));
            }
        }
        WaitingErrorHandler handler = new WaitingErrorHandler(recoverer, waitingBackOff(),
                backOff != null ? backOff : new FixedBackOff(0L, 0L), retries, binding);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                retries.settled(binding, record.topic(), record.partition());
            }
        });
        container.setCommonErrorHandler(handler);
        retries.watch(binding);
        // a successful record or batch frees its partitions from the "retrying" gauge
        ((AbstractMessageListenerContainer) container).setRecordInterceptor(new RecordInterceptor<Object, Object>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                retries.settled(binding, record.topic(), record.partition());
            }
        });
        ((AbstractMessageListenerContainer) container).setBatchInterceptor(new BatchInterceptor<Object, Object>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                records.partitions().forEach(p -> retries.settled(binding, p.topic(), p.partition()));
            }
        });
    }

    private BackOff waitingBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff; // no maximum of attempts nor of elapsed time: the record waits for as long as it takes
    }

}
