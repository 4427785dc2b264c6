package vn.cchc.platform.events.retry;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import vn.cchc.platform.events.RefusedEventException;

/**
 * Why a consumer could not apply an event, which decides what becomes of the record:
 * <ul>
 * <li>{@link #REFUSED}: the {@code EventGate} does not trust it; trying again cannot help, it is dead-lettered at once.</li>
 * <li>{@link #TRANSIENT}: something the event needs is away for now (MongoDB or Kafka unreachable, a timeout, a
 * primary being elected); the event is fine and will apply once it is back, so the record waits, retried with a
 * capped back-off for as long as it takes, never dead-lettered, the partition held in order behind it.</li>
 * <li>{@link #FAILURE}: anything else, a bug in the consumer or data it cannot handle; retried a few times (a race
 * such as a duplicate key on concurrent upserts passes), then dead-lettered to be replayed once the bug is fixed.</li>
 * </ul>
 * The whole cause chain is looked at: the data layer wraps the driver's exceptions ({@code DataAccessResourceFailureException}
 * around {@code MongoSocketOpenException} around {@code ConnectException}) and the binder wraps the handler's.
 */
public enum FailureKind {
    REFUSED, TRANSIENT, FAILURE;

    public static FailureKind of(Throwable failure) {
        boolean transientSeen = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RefusedEventException) {
                return REFUSED;
            }
            transientSeen |= isTransient(t);
        }
        return transientSeen ? TRANSIENT : FAILURE;
    }

    private static boolean isTransient(Throwable t) {
        return t instanceof DataAccessResourceFailureException       // MongoDB unreachable, as Spring Data translates it
                || t instanceof TransientDataAccessException          // query timeouts, optimistic/pessimistic lock failures
                || t instanceof RecoverableDataAccessException
                || t instanceof MongoSocketException                  // the driver's own, when not translated
                || t instanceof MongoTimeoutException                 // no server selected within the timeout
                || t instanceof MongoExecutionTimeoutException
                || t instanceof MongoNotPrimaryException               // an election under way
                || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || mongo.hasErrorLabel("RetryableWriteError"))
                || t instanceof RetriableException                    // Kafka: broker away, leader moving, request timed out
                || t instanceof TimeoutException
                || t instanceof SocketException                       // connection refused or reset
                || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException;                 // DNS of a restarting pod
    }
}
