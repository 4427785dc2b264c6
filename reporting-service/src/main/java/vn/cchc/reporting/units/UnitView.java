package vn.cchc.reporting.units;

/** A unit of the directory as reporting keeps it (name for documents, kind for roll-ups). */
public record UnitView(@org.springframework.data.annotation.Id String unitId, long revision, String parentId, String name, String kind, String status) {
}
