package vn.cchc.plan.plans;

/** The kind of a legal basis: Nghị quyết, Chỉ thị, Quyết định, Kế hoạch, Công văn, Luật, Nghị định, Thông tư, other. */
public enum LegalDocumentKind { RESOLUTION, DIRECTIVE, DECISION, PLAN, OFFICIAL_LETTER, LAW, DECREE, CIRCULAR, OTHER }
