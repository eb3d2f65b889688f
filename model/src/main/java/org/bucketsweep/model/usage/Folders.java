package org.bucketsweep.model.usage;

/**
 * Which folder row a key counts in: the key up to its {@code depth}-th {@code /} after the scanned prefix, or up to
 * its last {@code /} when it has fewer. A key right under the prefix counts in the prefix's own row. Empty segments
 * are folders like any other ({@code a//b} at depth 2 is in {@code a//}), as S3 sees them.
 */
final class Folders {

    private final String prefix;
    private final int depth;

    Folders(String prefix, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + depth);
        }
        this.prefix = prefix;
        this.depth = depth;
    }

    String folderOf(String key) {
        int end = key.startsWith(prefix) ? prefix.length() : 0;
        for (int level = 0; level < depth; level++) {
            int slash = key.indexOf('/', end);
            if (slash < 0) {
                break;
            }
            end = slash + 1;
        }
        return key.substring(0, end);
    }
}
