package vn.cchc.task.evidence;

import vn.cchc.platform.units.UnitPath;
import vn.cchc.task.tasks.Task;

/**
 * Which units' publications may prove a task. A publication names its task by id ({@code taskId}), and task ids are
 * name-based UUIDs anyone can compute, so the name alone proves nothing: the publication's unit must also be one that
 * works on the task.
 *
 * <ul>
 *   <li>the task's unit (its lead, or the issuing unit of a group-led task) or a unit beneath it (a team of the lead
 *       office): the same rule as for scheduled items;</li>
 *   <li>one of its coordinating units (phối hợp) or a unit beneath one: the plan asks them to take part;</li>
 *   <li>a unit above the task's unit (the ward recording on its website for the task of its culture office): whoever
 *       may record for that unit may record for every unit beneath it, so it reaches no further than its own units.</li>
 * </ul>
 * Anything else (another commune, a sibling office that is neither lead nor coordinator) is refused.
 */
final class EvidenceScope {
    private EvidenceScope() {
    }

    static boolean mayProve(String publicationUnitId, Task task) {
        if (publicationUnitId == null || task.getUnitId() == null) {
            return false;
        }
        if (UnitPath.within(publicationUnitId, task.getUnitId()) || UnitPath.within(task.getUnitId(), publicationUnitId)) {
            return true;
        }
        return task.getCoordinatingUnitIds().stream().anyMatch(unit -> UnitPath.within(publicationUnitId, unit));
    }
}
