package io.tollgate.findings.importing;

import java.util.HexFormat;

/**
 * The fingerprints an import has already staged, to count a finding a report repeats only once. Kept as the first
 * 128 bits of each SHA-256 fingerprint in open-addressing arrays: a few million fingerprints fit in tens of
 * megabytes, so that even the largest report imports in a small heap.
 */
final class FingerprintSet {

    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    /** Adds a fingerprint (64 hexadecimal digits); false when it was there already. */
    boolean add(String fingerprint) {
        long h = Fingerprints.key(fingerprint);
        long l = HexFormat.fromHexDigitsToLong(fingerprint, 16, 32);
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(h, l);
    }

    int size() {
        return size;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        for (int slot = (int) (h ^ (h >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (!used[slot]) {
                used[slot] = true;
                high[slot] = h;
                low[slot] = l;
                size++;
                return true;
            }
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}
