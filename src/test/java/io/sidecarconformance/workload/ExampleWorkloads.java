package io.sidecarconformance.workload;

import java.nio.file.Path;

/** The shipped examples/ as tests of other packages read them: the workload, and its roles found as a run finds them. */
public final class ExampleWorkloads {

    /** ARC-style: main=runner sidecar=dind(native) init=init-dind-externals; a Job without terminationGracePeriodSeconds. */
    public static final String ARC = "arc-runner-dind.yaml";
    /** GitLab-style: a Pod, main=build sidecar=svc-0(classic) once one of the two is named. */
    public static final String GITLAB = "gitlab-service.yaml";

    private ExampleWorkloads() {
    }

    public static Workload read(String example) {
        return WorkloadFile.read(Path.of("examples", example));
    }

    /** Roles as -Dworkload.main / -Dworkload.sidecar name them (null: not given). */
    public static WorkloadRoles roles(Workload workload, String main, String sidecar) {
        return RoleFinder.find(workload, RoleNames.of(main, sidecar));
    }

    public static WorkloadFacts facts(String example, String main, String sidecar) {
        Workload w = read(example);
        return WorkloadFacts.of(w, roles(w, main, sidecar));
    }
}
