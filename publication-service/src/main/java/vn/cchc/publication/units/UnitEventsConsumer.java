package vn.cchc.publication.units;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.cchc.platform.events.EventGate;

/**
 * The Spring Cloud Stream binding {@code unitEvents-in-0} on {@code cchc.unit.events}. Events pass the {@link EventGate}
 * first: a unit event not from plan-service, or not valid against its contract, goes to the dead-letter topic and
 * changes nothing in the local directory.
 */
@Configuration
class UnitEventsConsumer {
    static final String BINDING = "unitEvents-in-0";
    static final String UNIT_CHANGED = "vn.cchc.unit.changed.v1";

    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectory directory, EventGate gate) {
        return message -> gate.admit(BINDING, message)
                .filter(event -> UNIT_CHANGED.equals(event.type()))
                .ifPresent(event -> directory.apply(event.data()));
    }
}
