package io.tollgate.scorecard.service;

import io.tollgate.platform.TeamInputsChanged;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;

/** What the snapshot taker does while the application stops; SnapshotTest covers the snapshots themselves. */
class SnapshotTakerTest {

    @Test
    void aChangeCommittedDuringShutdownDoesNotFailItsRequest() throws InterruptedException {
        // No snapshot is taken once stopped, so no scorecard service is needed.
        SnapshotTaker taker = new SnapshotTaker(null, Clock.systemUTC());
        taker.onShutdown(null);

        assertThatCode(() -> taker.onInputsChanged(new TeamInputsChanged(Set.of(1L), null, "IMPORT")))
                .doesNotThrowAnyException();
    }
}
