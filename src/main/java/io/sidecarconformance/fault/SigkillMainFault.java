package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;

/** Main's process is SIGKILLed while it works: no trap runs (seed 001: the hole in the done-file shutdown). */
public final class SigkillMainFault implements Fault {

    @Override
    public String id() {
        return "sigkill-main";
    }

    @Override
    public String summary() {
        return "main's process SIGKILLed while it works";
    }

    @Override
    public void act(FaultContext context) {
        String report = new ChaosAgent(context.client(), context.namespace(), context.images())
                .signal(context.pod().get(), Role.MAIN.containerName(), "KILL");
        context.action().accept("SIGKILL main: " + report);
    }

    @Override
    public boolean targetsMain() {
        return true;
    }
}
