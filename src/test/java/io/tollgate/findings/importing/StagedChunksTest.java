package io.tollgate.findings.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-over between the parsing and the merging thread, once either side fails. */
class StagedChunksTest {

    private final StagedChunks chunks = new StagedChunks(1);

    @Test
    void aParseFailureReachesTheMergingSide() throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("line 3: not JSON");
        chunks.fail(failure);

        assertThatThrownBy(chunks::next).isSameAs(failure);
    }

    @Test
    void theParseStopsAtItsNextChunkOnceTheImportIsAbandoned() {
        chunks.abandon();

        assertThatThrownBy(() -> chunks.put(emptyChunk())).isInstanceOf(StagedChunks.Abandoned.class);
    }

    @Test
    void aParseFailureAfterTheImportWasAbandonedEndsQuietly() {
        chunks.abandon();

        assertThatCode(() -> chunks.fail(new IllegalStateException("late"))).doesNotThrowAnyException();
    }

    @Test
    void theEndOfTheReportEndsTheChunks() throws InterruptedException {
        chunks.put(emptyChunk());
        Thread parser = new Thread(chunks::end);
        parser.start();

        assertThat(chunks.next()).isNotNull();
        assertThat(chunks.next()).isNull();
    }

    private static StagedChunks.Chunk emptyChunk() {
        return new StagedChunks.Chunk(empty(), empty(), empty());
    }

    private static CopyRowWriter.Rows empty() {
        return new CopyRowWriter(16).take();
    }
}
