package vn.cchc.plan.imports.extract;

/** A unit of the directory the extractor may match names against. */
public record KnownUnit(String unitId, String parentId, String name, String kind) {
}
