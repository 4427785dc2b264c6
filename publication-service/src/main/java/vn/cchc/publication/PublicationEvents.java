package vn.cchc.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/** The public events of a publication; their shape is the contract in contracts/events. */
final class PublicationEvents {
    static final String TOPIC = "cchc.publication.events";
    static final String RECORDED = "vn.cchc.publication.recorded.v1";

    private PublicationEvents() {
    }

    static PendingEvent recorded(Publication p) {
        return PendingEvent.of(RECORDED, TOPIC, p.getId(), p.getRecordedAt(), state(p));
    }

    /** Event-carried state: everything a consumer needs, so none has to call back. JSON-native values only. */
    static Map<String, Object> state(Publication p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("publicationId", p.getId());
        data.put("revision", p.getRevision());
        data.put("unitId", p.getUnitId());
        data.put("unitPath", UnitPath.of(p.getUnitId()));
        data.put("channel", p.getChannel().name());
        data.put("kind", p.getKind().name());
        data.put("title", p.getTitle());
        data.put("url", p.getUrl());
        data.put("publishedAt", p.getPublishedAt().toString());
        data.put("durationSeconds", p.getDurationSeconds());
        data.put("recordedAt", p.getRecordedAt().toString());
        return data;
    }
}
