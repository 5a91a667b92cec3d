package io.sidecarconformance.result;

import java.io.IOException;

/** A file that cannot be used as a results.json: missing, not JSON, or another kind of JSON. Message is one line. */
public class ResultsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ResultsFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResultsFileException(String message) {
        super(message);
    }
}
