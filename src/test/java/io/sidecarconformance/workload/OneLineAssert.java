package io.sidecarconformance.workload;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A refusal is one line a user reads: non-empty, no line breaks, no stack trace or class names from the parsers. */
public final class OneLineAssert {

    private OneLineAssert() {
    }

    /** Runs {@code call}, asserts it refused with one clean line containing every {@code parts}, and returns the line. */
    public static String refusal(ThrowingCallable call, String... parts) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refused").isInstanceOf(WorkloadInputException.class);
        String line = thrown.getMessage();
        assertThat(line).as("the line").isNotBlank()
                .doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at [Source")
                .doesNotContain("com.fasterxml").doesNotContain("org.yaml").doesNotContain("io.fabric8")
                .isEqualTo(line.strip());
        if (parts.length > 0) {
            assertThat(line).as("the line").contains(parts);
        }
        return line;
    }
}
