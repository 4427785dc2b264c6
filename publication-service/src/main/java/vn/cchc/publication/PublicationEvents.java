package vn.cchc.publication;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/** The public events of a publication; their shape is the contract in contracts/events. */
final class PublicationEvents {
    static final String TOPIC = "cchc.publication.events";
    static final String RECORDED = "vn.cchc.publication.recorded.v1";
    static final String CORRECTED = "vn.cchc.publication.corrected.v1";
    static final String RETRACTED = "vn.cchc.publication.retracted.v1";

    private PublicationEvents() {
    }

    static PendingEvent event(String type, Publication p) {
        return PendingEvent.of(type, TOPIC, p.getId(), p.getChangedAt(), state(p));
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
        data.put("summary", p.getSummary());
        data.put("url", p.getUrl());
        data.put("publishedAt", p.getPublishedAt().toString());
        data.put("durationSeconds", p.getDurationSeconds());
        data.put("themes", p.getThemes().stream().map(Enum::name).toList());
        data.put("planId", p.getPlanId());
        data.put("taskId", p.getTaskId());
        data.put("author", p.getAuthor());
        data.put("engagement", p.getEngagement() == null ? null : engagement(p));
        data.put("source", p.getSource().name());
        data.put("recordedAt", p.getRecordedAt().toString());
        data.put("changedAt", p.getChangedAt().toString());
        data.put("retracted", p.getStatus() == Publication.Status.RETRACTED);
        if (p.getStatus() == Publication.Status.RETRACTED) {
            data.put("retractionReason", p.getRetractionReason());
            data.put("retractedAt", p.getRetractedAt().toString());
        }
        return data;
    }

    private static Map<String, Object> engagement(Publication p) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("views", p.getEngagement().views());
        figures.put("interactions", p.getEngagement().interactions());
        figures.put("updatedAt", p.getEngagementUpdatedAt() == null ? null : p.getEngagementUpdatedAt().toString());
        return figures;
    }
}
