package io.sidecarconformance.cpu;

import java.util.Optional;

/**
 * One process's CPU time from the kernel's accounting, a line of {@code /proc/<pid>/stat}, in ticks (USER_HZ).
 *
 * @param comm       the command name (up to 15 characters)
 * @param ownTicks   utime + stime: the process itself
 * @param childTicks cutime + cstime: its children that ended and that it waited for
 * @param startTicks when it started, in ticks since boot: with the pid, which process this is (pids are reused)
 */
record ProcessTimes(String comm, long ownTicks, long childTicks, long startTicks) {

    /** Empty when the line is not in /proc/pid/stat's format. */
    static Optional<ProcessTimes> parse(String stat) {
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields start after the last ')'.
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 1).strip().split("\\s+");
        // after comm: state(0) ... utime(11) stime(12) cutime(13) cstime(14) ... starttime(19)
        if (f.length < 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessTimes(stat.substring(open + 1, close),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14]),
                    Long.parseLong(f[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
