package vn.cchc.task.plans;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.cchc.platform.events.EventGate;

/**
 * The Spring Cloud Stream binding {@code planEvents-in-0} on {@code cchc.plan.events}. Events pass the {@link EventGate}
 * first: one not from plan-service, or not valid against its contract, goes to the dead-letter topic unapplied.
 */
@Configuration
class PlanEventsConsumer {
    static final String BINDING = "planEvents-in-0";

    @Bean
    Consumer<Message<byte[]>> planEvents(PlanTaskSync sync, EventGate gate) {
        return message -> gate.admit(BINDING, message).ifPresent(event -> {
            switch (event.type()) {
                case "vn.cchc.plan.issued.v1", "vn.cchc.plan.amended.v1", "vn.cchc.plan.closed.v1" -> sync.apply(event.data());
                default -> { } // a plan event task-service has no use for
            }
        });
    }
}
