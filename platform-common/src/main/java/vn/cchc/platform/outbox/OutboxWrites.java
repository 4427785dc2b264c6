package vn.cchc.platform.outbox;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Tells the outbox relay which documents this process has just given new outbox events, so it publishes them right
 * after the write instead of finding them by polling. Polling meant a query on {@code pendingEvents} over the whole
 * collection several times a second; the MongoDB wire server of the local stack has no non-unique indexes, so each
 * pass read every document (profiling found these scans the largest cost of the wire server: docs/profiling.md).
 *
 * <p>It listens to the MongoDB driver's commands, so every way of writing is seen (repository inserts, conditional
 * updates, {@link AggregateWriter}, upserts): an {@code insert} of a document with a non-empty {@code pendingEvents},
 * or an {@code update}/{@code findAndModify} that pushes onto or sets {@code pendingEvents}, on an outbox collection.
 * The document is handed over only once the server acknowledged the write. A write it cannot pin to one {@code _id}
 * asks for a full pass soon instead. Writes by other processes are not seen: the relay's (slower) full pass finds them.
 */
public class OutboxWrites implements CommandListener {
    /** A document of an outbox collection that has just got events ({@code id} null: not known). */
    public record Written(String collection, Object id) {
    }

    private final Set<String> collections;
    private final BlockingQueue<Written> written;
    /** Documents of commands sent but not yet acknowledged, by request id. */
    private final Map<Integer, List<Written>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean fullPassWanted = new AtomicBoolean();

    public OutboxWrites(List<String> collections, int capacity) {
        this.collections = Set.copyOf(collections);
        this.written = new LinkedBlockingQueue<>(capacity);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Written> documents = switch (event.getCommandName()) {
            case "insert" -> inserted(event.getCommand());
            case "update" -> updated(event.getCommand());
            case "findAndModify" -> foundAndModified(event.getCommand());
            default -> List.of();
        };
        if (!documents.isEmpty()) {
            inFlight.put(event.getRequestId(), documents);
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        List<Written> documents = inFlight.remove(event.getRequestId());
        if (documents != null) {
            for (Written document : documents) {
                if (document.id() == null || !written.offer(document)) {
                    // not pinned to one document, or the relay is far behind: its full pass finds them
                    fullPassWanted.set(true);
                }
            }
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }

    /** The next written document, waiting at most {@code timeoutMillis}; null when none came. */
    Written next(long timeoutMillis) throws InterruptedException {
        return written.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Moves up to {@code max} waiting documents into {@code into}, without waiting. */
    void drainTo(List<Written> into, int max) {
        written.drainTo(into, max);
    }

    /** True once since a write was seen that could not be pinned to a document (or the queue overflowed). */
    boolean takeFullPassWanted() {
        return fullPassWanted.getAndSet(false);
    }

    private List<Written> inserted(BsonDocument command) {
        String collection = collection(command, "insert");
        if (collection == null || !command.isArray("documents")) {
            return List.of();
        }
        List<Written> documents = new ArrayList<>();
        for (BsonValue document : command.getArray("documents")) {
            if (document.isDocument() && hasEvents(document.asDocument().get(OutboxRelay.FIELD))) {
                add(documents, collection, document.asDocument().get("_id"));
            }
        }
        return documents;
    }

    private List<Written> updated(BsonDocument command) {
        String collection = collection(command, "update");
        if (collection == null || !command.isArray("updates")) {
            return List.of();
        }
        List<Written> documents = new ArrayList<>();
        for (BsonValue statement : command.getArray("updates")) {
            if (statement.isDocument() && addsEvents(statement.asDocument().get("u"))) {
                BsonValue query = statement.asDocument().get("q");
                add(documents, collection, query != null && query.isDocument() ? query.asDocument().get("_id") : null);
            }
        }
        return documents;
    }

    private List<Written> foundAndModified(BsonDocument command) {
        String collection = collection(command, "findAndModify");
        if (collection == null || !addsEvents(command.get("update"))) {
            return List.of();
        }
        BsonValue query = command.get("query");
        List<Written> documents = new ArrayList<>();
        add(documents, collection, query != null && query.isDocument() ? query.asDocument().get("_id") : null);
        return documents;
    }

    private String collection(BsonDocument command, String name) {
        BsonValue value = command.get(name);
        return value != null && value.isString() && collections.contains(value.asString().getValue())
                ? value.asString().getValue() : null;
    }

    /** An update document ($push / $set / $setOnInsert of pendingEvents) or a replacement with events. */
    private static boolean addsEvents(BsonValue update) {
        if (update == null || !update.isDocument()) {
            return update != null && update.isArray(); // an aggregation pipeline: cannot tell, assume it may
        }
        BsonDocument u = update.asDocument();
        for (String operator : List.of("$push", "$set", "$setOnInsert", "$addToSet")) {
            if (u.isDocument(operator) && u.getDocument(operator).containsKey(OutboxRelay.FIELD)) {
                return true;
            }
        }
        return hasEvents(u.get(OutboxRelay.FIELD));
    }

    private static boolean hasEvents(BsonValue events) {
        return events instanceof BsonArray array && !array.isEmpty();
    }

    /** A plain _id value becomes a document to publish; anything else (absent, an operator) asks for a full pass. */
    private void add(List<Written> documents, String collection, BsonValue id) {
        Object plain = id == null ? null : switch (id.getBsonType()) {
            case STRING -> id.asString().getValue();
            case OBJECT_ID -> id.asObjectId().getValue();
            case INT32 -> id.asInt32().getValue();
            case INT64 -> id.asInt64().getValue();
            default -> null;
        };
        documents.add(new Written(collection, plain)); // null: a full pass once acknowledged
    }
}
