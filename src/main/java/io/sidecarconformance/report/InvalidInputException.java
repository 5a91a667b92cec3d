package io.sidecarconformance.report;

/** MergeReports was given something it cannot use. The message is one line: what is wrong and what to do. */
final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }
}
