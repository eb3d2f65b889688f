package org.bucketsweep.model.plan;

import java.util.List;
import java.util.Objects;

/**
 * Which keys an intent covers: every key under a prefix ("" for the whole bucket), or exactly the named keys.
 */
public record Scope(String prefix, List<String> keys) {

    public Scope {
        if ((prefix == null) == (keys == null)) {
            throw new IllegalArgumentException("A scope is a prefix or a list of keys");
        }
        keys = keys == null ? null : List.copyOf(keys);
    }

    public static Scope prefix(String prefix) {
        return new Scope(Objects.requireNonNullElse(prefix, ""), null);
    }

    public static Scope keys(List<String> keys) {
        return new Scope(null, keys);
    }

    public boolean isPrefix() {
        return prefix != null;
    }

    @Override
    public String toString() {
        if (isPrefix()) {
            return prefix.isEmpty() ? "the whole bucket" : "everything under " + prefix;
        }
        return keys.size() == 1 ? keys.get(0) : keys.size() + " keys";
    }
}
