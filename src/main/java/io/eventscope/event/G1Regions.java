package io.eventscope.event;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** The G1 region size of this JVM, which decides how large arrays are stored (see {@link ByteArena}). */
final class G1Regions {
    private G1Regions() {
    }

    /** Bytes per G1 region, or 0 when another collector runs or the JVM does not say. */
    static long size() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || !Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 0; // a runtime without jdk.management, or an option this JVM lacks: the safe default
        }
    }
}
