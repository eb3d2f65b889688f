package org.bucketsweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Records the time between JavaFX pulses. While it runs, JavaFX pulses about 60 times a second; a pulse comes
 * late when the JavaFX thread is busy with something else (a {@code runLater}, CSS, layout), when the garbage
 * collector stops the JVM, or when the thread gets no CPU, and that is what a person sees as a frozen window. For
 * each gap it also notes how much CPU the JavaFX thread used in it and how long it waited for a CPU (Linux), so that
 * a long gap can be put down to one of those causes. The rest (the JavaFX thread neither working nor waiting for a
 * CPU) is often the thread waiting for the renderer, which draws the last pulse's frame on a thread of its own: the
 * renderer's work and its wait for a CPU in the same gaps are noted too. Start, stop and read it on the JavaFX thread.
 */
final class PulseRecorder extends AnimationTimer {

    /** Gaps longer than this are a visible stutter. */
    static final long STUTTER_NANOS = 50_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** JavaFX's render thread, "QuantumRenderer-0". */
    private static final String RENDERER = "QuantumRenderer";

    /**
     * Time within gaps, by cause: the JavaFX thread working (its CPU time), the collector's pauses, the thread ready
     * to run but waiting for a CPU that other threads or programs held, and the rest: the thread blocked (on the
     * renderer, a lock) or idle until the next pulse was due. The renderer's work and wait for a CPU in the same time
     * run beside the JavaFX thread's: they are not a share of the gap, but they say what "other" was.
     */
    record Causes(long nanos, long fxWorkNanos, long gcNanos, long cpuWaitNanos, long renderNanos,
                  long renderWaitNanos) {
        static final Causes NONE = new Causes(0, 0, 0, 0, 0, 0);

        long otherNanos() {
            return Math.max(0, nanos - fxWorkNanos - gcNanos - cpuWaitNanos);
        }

        Causes plus(Causes o) {
            return new Causes(nanos + o.nanos, fxWorkNanos + o.fxWorkNanos, gcNanos + o.gcNanos,
                    cpuWaitNanos + o.cpuWaitNanos, renderNanos + o.renderNanos, renderWaitNanos + o.renderWaitNanos);
        }

        String describe() {
            return String.format(Locale.ROOT, "%.0f ms JavaFX thread working, %.0f ms GC, %.0f ms waiting for a"
                    + " CPU, %.0f ms other; the renderer meanwhile %.0f ms working, %.0f ms waiting for a CPU",
                    fxWorkNanos / 1e6, gcNanos / 1e6, cpuWaitNanos / 1e6, otherNanos() / 1e6, renderNanos / 1e6,
                    renderWaitNanos / 1e6);
        }
    }

    /** The gaps of one recording; {@code all} sums every gap, so its JavaFX work is the thread's whole CPU time. */
    record PulseGaps(int pulses, long spanNanos, long longestNanos, long longestEndNanos, long p99Nanos,
                     int stutters, Causes longest, Causes inStutters, Causes all) {
        /** The share of the recording the JavaFX thread spent working. */
        double fxBusyShare() {
            return spanNanos == 0 ? 0 : (double) all.fxWorkNanos() / spanNanos;
        }

        double longestMs() {
            return longestNanos / 1e6;
        }

        double p99Ms() {
            return p99Nanos / 1e6;
        }

        /** When the longest gap ended, in seconds from the start of the recording. */
        double longestEndSeconds() {
            return longestEndNanos / 1e9;
        }
    }

    private long[] gaps = new long[4096];
    private long[] fxWork = new long[4096];
    private long[] cpuWait = new long[4096];
    private long[] ends = new long[4096];
    private long[] render = new long[4096];
    private long[] renderWait = new long[4096];
    private int count;
    private long first = -1;
    private long last = -1;
    private long lastCpu;
    private long lastCpuWait;
    private long lastRender;
    private long lastRenderWait;
    /** The renderer's Java thread id and schedstat file; -1 and null until it is found (it starts with JavaFX). */
    private long rendererId = -1;
    private Path rendererSchedstat;

    @Override
    public void handle(long now) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long waited = RunQueueWait.ofCurrentThread();
        long rendered = rendererId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(rendererId));
        long renderWaited = rendererSchedstat == null ? 0 : RunQueueWait.of(rendererSchedstat);
        if (last >= 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
                fxWork = Arrays.copyOf(fxWork, count * 2);
                cpuWait = Arrays.copyOf(cpuWait, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                render = Arrays.copyOf(render, count * 2);
                renderWait = Arrays.copyOf(renderWait, count * 2);
            }
            gaps[count] = now - last;
            fxWork[count] = cpu - lastCpu;
            cpuWait[count] = waited - lastCpuWait;
            ends[count] = now;
            render[count] = rendered - lastRender;
            renderWait[count] = renderWaited - lastRenderWait;
            count++;
        } else {
            first = now;
        }
        last = now;
        lastCpu = cpu;
        lastCpuWait = waited;
        lastRender = rendered;
        lastRenderWait = renderWaited;
    }

    @Override
    public void start() {
        count = 0;
        first = -1;
        last = -1;
        if (rendererId < 0) {
            rendererId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(RENDERER))
                    .mapToLong(Thread::getId).findFirst().orElse(-1);
            rendererSchedstat = RunQueueWait.available() ? RunQueueWait.schedstatOf(RENDERER) : null;
        }
        super.start();
    }

    /** The recording so far, with the collector's pauses to tell the causes of the long gaps apart. */
    PulseGaps recorded(GcPauses gc) {
        Causes inStutters = Causes.NONE;
        Causes longest = Causes.NONE;
        Causes all = Causes.NONE;
        long longestEnd = 0;
        int stutters = 0;
        for (int i = 0; i < count; i++) {
            Causes c = new Causes(gaps[i], fxWork[i], gc.pausedWithin(ends[i] - gaps[i], ends[i]), cpuWait[i],
                    render[i], renderWait[i]);
            all = all.plus(c);
            if (gaps[i] > STUTTER_NANOS) {
                stutters++;
                inStutters = inStutters.plus(c);
            }
            if (gaps[i] > longest.nanos()) {
                longest = c;
                longestEnd = ends[i] - first;
            }
        }
        return new PulseGaps(count + 1, last - first, longest.nanos(), longestEnd,
                Stats.percentile(Arrays.copyOf(gaps, count), 99), stutters, longest, inStutters, all);
    }
}
