package io.sidecarconformance.cpu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU time of one cgroup and everything below it, from the kernel's own counter: cgroup v1's
 * {@code cpuacct.usage} (nanoseconds) or v2's {@code cpu.stat} {@code usage_usec}. The counter is hierarchical and
 * kept by the parent, so the pods' cgroups that come and go below it stay counted after they are removed.
 */
final class CgroupCpu {

    private final Path file;

    private CgroupCpu(Path file) {
        this.file = file;
    }

    /**
     * The counter of {@code cgroup} (a path below a hierarchy's root) in the hierarchies of {@code mountinfo}: v1's
     * cpuacct one when mounted (a hybrid machine has both), else the v2 one; empty when neither is mounted.
     */
    static Optional<CgroupCpu> of(String mountinfo, String cgroup) {
        Path v2 = null;
        for (String line : mountinfo.split("\n")) {
            int dash = line.indexOf(" - ");
            String[] before = line.substring(0, Math.max(dash, 0)).split(" ");
            String[] after = dash < 0 ? new String[0] : line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            Path dir = Path.of(before[4]).resolve(cgroup);
            if (after[0].equals("cgroup") && Arrays.asList(after[2].split(",")).contains("cpuacct")) {
                return Optional.of(new CgroupCpu(dir.resolve("cpuacct.usage")));
            }
            if (after[0].equals("cgroup2") && v2 == null) {
                v2 = dir.resolve("cpu.stat");
            }
        }
        return Optional.ofNullable(v2).map(CgroupCpu::new);
    }

    Path file() {
        return file;
    }

    /** Nanoseconds so far; empty when the file cannot be read (the cgroup is gone) or holds no counter. */
    OptionalLong nanos() {
        Optional<String> text = ProcFiles.read(file);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            if (file.getFileName().toString().equals("cpuacct.usage")) {
                return OptionalLong.of(Long.parseLong(text.get().strip()));
            }
            for (String line : text.get().split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 2 && f[0].equals("usage_usec")) {
                    return OptionalLong.of(Long.parseLong(f[1]) * 1000);
                }
            }
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
