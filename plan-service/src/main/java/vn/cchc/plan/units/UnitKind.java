package vn.cchc.plan.units;

public enum UnitKind {
    PROVINCE, COMMUNE, WARD, SPECIAL_ZONE, AGENCY, OFFICE, CENTRE, SCHOOL, VILLAGE, OTHER
}
