package io.sidecarconformance.cpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTimesTest {

    @Test
    void readsTheTimesAfterACommandNameWithSpacesAndParentheses() {
        // A real line of this machine's shim, its name changed to one with spaces and a ')'.
        String line = "20093 (a) b (c) S 1 20093 19292 0 -1 4194304 1763 5032 0 0 3 2 1 5 20 0 12 0 4378777 1305067520"
                + " 4227 18446744073709551615 4194304 10528913 140722565427312 0 0 0 1002055680 0 2143420159 0 0 0 17 1";

        ProcessTimes t = ProcessTimes.parse(line).orElseThrow();

        assertThat(t.comm()).isEqualTo("a) b (c");
        assertThat(t.ownTicks()).as("utime 3 + stime 2").isEqualTo(5);
        assertThat(t.childTicks()).as("cutime 1 + cstime 5").isEqualTo(6);
        assertThat(t.startTicks()).isEqualTo(4378777);
    }

    @Test
    void notAStatLineIsNothing() {
        assertThat(ProcessTimes.parse("")).isEmpty();
        assertThat(ProcessTimes.parse("1 (x) S 1 2 3")).as("too short").isEmpty();
        assertThat(ProcessTimes.parse("1 (x) S 1 1 1 0 -1 0 0 0 0 0 u s 0 0 20 0 1 0 5")).as("not numbers").isEmpty();
    }
}
