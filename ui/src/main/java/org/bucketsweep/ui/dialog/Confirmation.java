package org.bucketsweep.ui.dialog;

import java.util.Objects;

/**
 * A question before something that cannot be undone: what will happen, in words, and the button that does it.
 *
 * @param title      the window title
 * @param header     one sentence: what will be done, with counts
 * @param details    what follows from it, and what is not touched; may span lines
 * @param action     the label of the button that does it ("Abort 3 uploads"); Cancel is the default button
 * @param typedWord  a word (a bucket's name) the person must type before the action is enabled, or {@code null}
 */
public record Confirmation(String title, String header, String details, String action, String typedWord) {

    public Confirmation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(action, "action");
        details = details == null ? "" : details;
    }

    public static Confirmation of(String title, String header, String details, String action) {
        return new Confirmation(title, header, details, action, null);
    }
}
