package io.tollgate.findings.parsers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DigestsTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void givesTheStandardSha256InHexadecimal() {
        assertThat(Digests.sha256("abc")).isEqualTo(ABC);
        assertThat(Digests.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void threadsDigestingAtOnceEachGetTheirOwnResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = IntStream.range(0, 2_000)
                    .mapToObj(i -> pool.submit(() -> i % 2 == 0 ? Digests.sha256("abc") : Digests.sha256("abc" + i)))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                String digest = results.get(i).get();
                if (i % 2 == 0) {
                    assertThat(digest).isEqualTo(ABC);
                } else {
                    assertThat(digest).hasSize(64).isNotEqualTo(ABC);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
