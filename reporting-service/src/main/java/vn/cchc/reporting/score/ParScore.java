package vn.cchc.reporting.score;

import java.util.List;

/** A PAR Index communication score estimate, with how each point was earned. */
public record ParScore(String unitId, int year, double points, double max, List<Line> lines) {
    /**
     * @param explanation Vietnamese, for the coordinator: what was counted and which rule gave the points
     * @param items       for a channel group: how many items of the group were counted (null for plan completion)
     */
    public record Line(String criterion, String label, double points, double max, String explanation, Long items) {
    }
}
