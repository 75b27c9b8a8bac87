package io.tollgate.findings.importing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands encoded staging rows from the thread that parses a report to the thread that merges them into the
 * database, a chunk at a time, so that the database works on one chunk while the next is parsed. At most a few
 * chunks wait, which bounds the memory an import holds whatever the size of the report.
 */
final class StagedChunks {

    /**
     * Finding rows, their identity rows (for a report whose findings are compared with known ones; empty otherwise)
     * and check rows, each in COPY text format.
     */
    record Chunk(CopyRowWriter.Rows findings, CopyRowWriter.Rows identities, CopyRowWriter.Rows checks) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private volatile boolean abandoned;

    StagedChunks(int waiting) {
        this.queue = new ArrayBlockingQueue<>(waiting);
    }

    /** Parsing side: waits while the merging side is behind; stops the parse once the import is abandoned. */
    void put(Chunk chunk) {
        offer(chunk);
        if (abandoned) {
            throw new Abandoned();
        }
    }

    /** Parsing side: the report is read to its end. */
    void end() {
        offer(END);
    }

    /**
     * Parsing side: the report could not be read; the merging side rethrows the failure. Once the import is abandoned
     * (the merging side failed first) nobody would read it, and the parse just ends.
     */
    void fail(RuntimeException failure) {
        try {
            offer(failure);
        } catch (Abandoned e) {
            // The import ended before the failure could be handed over.
        }
    }

    /** Merging side: the next chunk, or null once the report is read to its end; rethrows a parse failure. */
    Chunk next() throws InterruptedException {
        Object next = queue.take();
        if (next == END) {
            return null;
        }
        if (next instanceof RuntimeException failure) {
            throw failure;
        }
        return (Chunk) next;
    }

    /** Merging side: the import failed; the parsing side stops at its next chunk. */
    void abandon() {
        abandoned = true;
        queue.clear();
    }

    private void offer(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    /** Ends a parse whose import was given up; nobody reads what it would produce. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the import was abandoned", null, false, false);
        }
    }
}
