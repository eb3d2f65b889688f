package org.bucketsweep.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world collections of this JVM while it listens, as intervals on the {@link System#nanoTime()}
 * clock (to the millisecond: the JVM reports them so), to tell a late pulse that the collector caused from one that
 * the JavaFX thread's own work caused.
 */
final class GcPauses implements NotificationListener, AutoCloseable {

    /** One collection: from start to end, in nanoTime. */
    record Pause(long startNanos, long endNanos) {
    }

    /** nanoTime when this JVM started: the collections are reported in milliseconds since then. */
    private static final long JVM_START_NANOS =
            System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    static GcPauses listen() {
        GcPauses listener = new GcPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                listener.emitters.add(emitter);
            }
        }
        return listener;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // G1's young and full collections stop the application for their whole duration.
        long start = JVM_START_NANOS + info.getGcInfo().getStartTime() * 1_000_000;
        long end = JVM_START_NANOS + info.getGcInfo().getEndTime() * 1_000_000;
        synchronized (pauses) {
            pauses.add(new Pause(start, end));
        }
    }

    /** How much of {@code [from, to]} the collector held the application stopped. */
    long pausedWithin(long from, long to) {
        long paused = 0;
        synchronized (pauses) {
            for (Pause p : pauses) {
                paused += Math.max(0, Math.min(to, p.endNanos) - Math.max(from, p.startNanos));
            }
        }
        return paused;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
