package io.sidecarconformance.fault;

/** The fault could not be injected: an infrastructure error, never a verdict. */
public class FaultFailedException extends RuntimeException {

    public FaultFailedException(String message) {
        super(message);
    }
}
