package io.sidecarconformance.fault;

/** The baseline: nothing goes wrong. */
public final class NoFault implements Fault {

    @Override
    public String id() {
        return "none";
    }

}
