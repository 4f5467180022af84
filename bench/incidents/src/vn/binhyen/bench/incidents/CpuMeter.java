package vn.binhyen.bench.incidents;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the app and its database spent, read from the kernel: the whole machine's busy time (/proc/stat) less this
 * load tool's own. Wall time inside one grouping is no measure of its cost on two shared cores (it counts the wait for
 * a core behind the lanes, the web threads and PostgreSQL); CPU time is.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private CpuMeter() {}

    /** Milliseconds of CPU spent so far on the machine by everything but this tool. */
    static double appAndDatabaseMillis() {
        return machineBusyMillis() - toolMillis();
    }

    /** Milliseconds of CPU the process has spent so far (user and system), NaN when it cannot be read. */
    static double processMillis(long pid) {
        try {
            // pid (comm) state ppid ... utime stime: fields 14 and 15, counted after the command's closing parenthesis
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double machineBusyMillis() {
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double toolMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1_000_000.0;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        } catch (IOException | RuntimeException e) {
            return 100;
        }
    }
}
