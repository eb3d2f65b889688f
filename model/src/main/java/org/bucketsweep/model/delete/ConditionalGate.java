package org.bucketsweep.model.delete;

/**
 * A job's one decision about ETags once the server has rejected them: asked of the {@link ConditionalDeleteFallback}
 * at most once, by the first worker that meets the rejection; the others wait for that answer and follow it.
 */
final class ConditionalGate {

    private final IfUnchanged mode;
    private final ConditionalDeleteFallback fallback;
    private volatile boolean withoutETags;
    private Boolean decision;

    ConditionalGate(IfUnchanged mode, ConditionalDeleteFallback fallback) {
        this.mode = mode;
        this.fallback = fallback;
        this.withoutETags = mode == IfUnchanged.NEVER;
    }

    /** Whether requests go without ETags: the job never sends them, or the person agreed after a rejection. */
    boolean withoutETags() {
        return withoutETags;
    }

    /** The server rejected the element: whether the job may go on without it (asks at most once per job). */
    synchronized boolean rejected(String serverAnswer) {
        if (decision == null) {
            decision = mode == IfUnchanged.AUTO && fallback.deleteWithoutCondition(serverAnswer);
            withoutETags = decision;
        }
        return decision;
    }

    boolean neverFallsBack() {
        return mode == IfUnchanged.ALWAYS;
    }
}
