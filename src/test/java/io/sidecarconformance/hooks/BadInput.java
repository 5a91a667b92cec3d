package io.sidecarconformance.hooks;

/** Bad input found before any cluster work: one line, no stack trace (the line says what to do). */
final class BadInput extends RuntimeException {

    BadInput(String oneLine) {
        super(oneLine, null, false, false);
    }
}
