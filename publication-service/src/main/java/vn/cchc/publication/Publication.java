package vn.cchc.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.events.PendingEvent;

/**
 * One item a unit published or aired. Its pending events live in the same document (the outbox),
 * so a change and its event are stored by one single-document write.
 */
@Document("publications")
public class Publication {
    @Id
    private String id;
    private String unitId;
    private Channel channel;
    private Kind kind;
    private String title;
    private String url;
    private Instant publishedAt;
    private Integer durationSeconds;
    private Instant recordedAt;
    /** Per-aggregate sequence number carried by every event; consumers keep the highest they applied. */
    private long revision;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Publication() {
    }

    Publication(String id, RecordPublicationRequest request, Instant recordedAt) {
        this.id = id;
        this.unitId = request.unitId();
        this.channel = request.channel();
        this.kind = request.kind();
        this.title = request.title().strip();
        this.url = request.url() == null || request.url().isBlank() ? null : request.url().strip();
        this.publishedAt = request.publishedAt().toInstant();
        this.durationSeconds = request.durationSeconds();
        this.recordedAt = recordedAt;
        this.revision = 1;
        this.pendingEvents.add(PublicationEvents.recorded(this));
    }

    public String getId() { return id; }
    public String getUnitId() { return unitId; }
    public Channel getChannel() { return channel; }
    public Kind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getUrl() { return url; }
    public Instant getPublishedAt() { return publishedAt; }
    public Integer getDurationSeconds() { return durationSeconds; }
    public Instant getRecordedAt() { return recordedAt; }
    public long getRevision() { return revision; }
    List<PendingEvent> pendingEvents() { return pendingEvents; }
}
