package io.sidecarconformance.fault;

/** The baseline: nothing goes wrong. */
public final class NoFault implements Fault {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String label() {
        return "nothing goes wrong (the baseline)";
    }

    @Override
    public Aim aim() {
        return Aim.NONE;
    }
}
