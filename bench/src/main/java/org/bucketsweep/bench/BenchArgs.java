package org.bucketsweep.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A bench's {@code --name=value} arguments. An empty value means "not given", so that Maven can pass every
 * {@code -Dbench.*} property through whether it was set or not, and the defaults live in the bench alone.
 */
final class BenchArgs {

    private final Map<String, String> values;

    private BenchArgs(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException on a malformed argument or a name not in {@code known} */
    static BenchArgs parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Arguments are --name=value, got: " + a);
            }
            String name = a.substring(2, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown argument --" + name + "; known: " + new TreeSet<>(known));
            }
            String value = a.substring(eq + 1).strip();
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        return new BenchArgs(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int positiveInt(String name, int fallback) {
        int value = parsed(name, fallback, Integer::valueOf);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
        return value;
    }

    boolean flag(String name, boolean fallback) {
        return parsed(name, fallback, Boolean::valueOf);
    }

    List<String> list(String name, String fallback) {
        return Arrays.stream(string(name, fallback).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + ": cannot read '" + value + "'", e);
        }
    }

    /** The arguments named {@code prefix.NAME}, as {@code --NAME=value}: what a bench run in another JVM gets. */
    List<String> under(String prefix) {
        String start = prefix + ".";
        return values.entrySet().stream().filter(e -> e.getKey().startsWith(start))
                .map(e -> "--" + e.getKey().substring(start.length()) + "=" + e.getValue()).toList();
    }

    /** {@code names}, each as {@code prefix.NAME}. */
    static Set<String> prefixed(String prefix, Set<String> names) {
        Set<String> result = new TreeSet<>();
        names.forEach(n -> result.add(prefix + "." + n));
        return result;
    }
}
