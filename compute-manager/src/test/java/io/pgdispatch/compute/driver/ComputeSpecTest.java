package io.pgdispatch.compute.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgdispatch.contract.target.Lsn;
import io.pgdispatch.contract.target.PointInTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A spec made the old way is a branch primary; a point in time belongs to point-in-time computes only. */
class ComputeSpecTest {

    @Test
    void threeIdsMakeABranchPrimary() {
        ComputeSpec spec = new ComputeSpec("compute", "cluster", "main");

        assertEquals(ComputeSpec.Kind.PRIMARY, spec.kind());
        assertEquals(Optional.empty(), spec.pointInTime());
    }

    @Test
    void pointInTimeGoesWithItsKindOnly() {
        PointInTime lsn = PointInTime.at(Lsn.parse("0/16B3748"));

        assertEquals(Optional.of(lsn), ComputeSpec.atPointInTime("c", "cluster", "main", lsn).pointInTime());
        assertThrows(IllegalArgumentException.class,
            () -> new ComputeSpec("c", "cluster", "main", ComputeSpec.Kind.REPLICA, Optional.of(lsn)));
        assertThrows(IllegalArgumentException.class,
            () -> new ComputeSpec("c", "cluster", "main", ComputeSpec.Kind.POINT_IN_TIME, Optional.empty()));
    }
}
