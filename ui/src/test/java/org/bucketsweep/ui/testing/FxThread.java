package org.bucketsweep.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads JavaFX state from a test on the FX thread: lists and properties the UI changes (a listing streaming into a
 * table, a refresh) must not be read from the test thread while the FX thread changes them.
 */
public final class FxThread {

    private FxThread() {
    }

    /** The value {@code read} returns, read on the FX thread. */
    public static <T> T read(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, checked on the FX thread, holds; then lets pending FX events run. */
    public static void waitUntil(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> read(condition::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
