package vn.cchc.plan.units;

import java.time.Instant;
import java.util.List;

/** Units for plain unit tests of other packages (the constructor is package-private on purpose). */
public final class UnitTestData {
    private UnitTestData() {
    }

    public static Unit active(String id) {
        int dot = id.lastIndexOf('.');
        return new Unit(id, dot < 0 ? null : id.substring(0, dot), id, UnitKind.OTHER, List.of(), Instant.EPOCH, "test");
    }

    public static Unit retired(String id) {
        Unit unit = active(id);
        unit.retire(Instant.EPOCH, "test");
        return unit;
    }
}
