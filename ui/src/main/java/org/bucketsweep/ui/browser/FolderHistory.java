package org.bucketsweep.ui.browser;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** The folders Back (Alt+Left) and Forward (Alt+Right) return to, as a browser keeps them. */
final class FolderHistory {

    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();

    /** Another bucket: nothing to go back to. */
    void clear() {
        back.clear();
        forward.clear();
        update();
    }

    /** The person went from {@code from} to {@code to}: Back returns to {@code from}, Forward is forgotten. */
    void went(String from, String to) {
        if (!to.equals(from)) {
            back.push(from);
            forward.clear();
        }
        update();
    }

    /** The folder Back goes to from {@code current}, or {@code null} when there is none. */
    String back(String current) {
        return step(back, forward, current);
    }

    /** The folder Forward goes to from {@code current}, or {@code null} when there is none. */
    String forward(String current) {
        return step(forward, back, current);
    }

    private String step(Deque<String> from, Deque<String> to, String current) {
        if (from.isEmpty()) {
            return null;
        }
        to.push(current);
        String target = from.pop();
        update();
        return target;
    }

    private void update() {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }
}
