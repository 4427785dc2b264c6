package vn.cchc.platform.events.retry;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/** A back-off that tells {@link Retry} about each retry it grants (the attempt that failed and the wait before the next). */
final class LoggedBackOff implements BackOff {
    @FunctionalInterface
    interface Retry {
        /** @param nextMillis the wait before the next attempt, or {@link BackOffExecution#STOP}: no more attempts */
        void failed(long attempt, long nextMillis);
    }

    private final BackOff delegate;
    private final Retry retry;

    LoggedBackOff(BackOff delegate, Retry retry) {
        this.delegate = delegate;
        this.retry = retry;
    }

    @Override
    public BackOffExecution start() {
        BackOffExecution execution = delegate.start();
        return new BackOffExecution() {
            private long attempt;

            @Override
            public long nextBackOff() {
                long next = execution.nextBackOff();
                retry.failed(++attempt, next);
                return next;
            }
        };
    }
}
