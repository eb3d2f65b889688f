package org.bucketsweep.model.plan;

import java.time.Instant;
import java.util.List;
import org.bucketsweep.model.delete.VersionRef;

/** What the person wants deleted, before it is turned into an exact list by listing the bucket. */
public sealed interface DeleteIntent {

    /** A short description for titles and the journal. */
    String describe();

    /**
     * Exactly the rows the person selected: keys get a delete marker (or are deleted on an unversioned bucket),
     * versions and delete markers are deleted for good.
     */
    record Selected(List<VersionRef> items) implements DeleteIntent {
        public Selected {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "delete " + items.size() + " selected " + (items.size() == 1 ? "item" : "items");
        }
    }

    /**
     * Hide keys behind a new delete marker; their data stays. On an unversioned or suspended bucket this deletes the
     * current data for good, and the preview says so.
     */
    record AddDeleteMarkers(List<String> keys) implements DeleteIntent {
        public AddDeleteMarkers {
            keys = List.copyOf(keys);
        }

        @Override
        public String describe() {
            return "add delete markers to " + Scope.keys(keys);
        }
    }

    /** Permanently delete exactly these versions and delete markers (an item without a version gets a marker). */
    record DeleteVersions(List<VersionRef> items) implements DeleteIntent {
        public DeleteVersions {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "delete " + items.size() + (items.size() == 1 ? " version" : " versions");
        }
    }

    /** Every version and delete marker of the keys in scope: the keys are gone for good. */
    record AllVersions(Scope scope) implements DeleteIntent {
        @Override
        public String describe() {
            return "delete all versions of " + scope;
        }
    }

    /**
     * Noncurrent versions (and noncurrent delete markers) in scope that became noncurrent before {@code olderThan},
     * and/or that are beyond the {@code keepNewest} newest noncurrent versions of their key. When both are given a
     * version must meet both, as in S3 lifecycle rules; with neither, every noncurrent version goes. A current
     * version is never touched.
     *
     * @param olderThan  {@code null} for no date limit
     * @param keepNewest {@code null} to keep none for that reason
     */
    record Noncurrent(Scope scope, Instant olderThan, Integer keepNewest) implements DeleteIntent {
        public Noncurrent {
            if (keepNewest != null && keepNewest < 0) {
                throw new IllegalArgumentException("keepNewest must not be negative");
            }
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(olderThan == null && keepNewest == null
                    ? "delete every noncurrent version of " : "delete noncurrent versions of ").append(scope);
            if (olderThan != null) {
                text.append(" noncurrent since before ").append(olderThan);
            }
            if (keepNewest != null) {
                text.append(", keeping the newest ").append(keepNewest);
            }
            return text.toString();
        }
    }

    /** Remove the delete markers that are the latest version of keys in scope: the keys come back. */
    record Undelete(Scope scope) implements DeleteIntent {
        @Override
        public String describe() {
            return "undelete " + scope;
        }
    }

    /**
     * Put the keys in scope back as they were at {@code asOf}: every version and delete marker written after it is
     * deleted, so the version that was current then is current again, and a key created since is gone. What existed
     * at {@code asOf} and was deleted for good since cannot come back.
     */
    record RollBack(Scope scope, Instant asOf) implements DeleteIntent {
        public RollBack {
            if (asOf == null) {
                throw new IllegalArgumentException("Give the date to roll back to");
            }
        }

        @Override
        public String describe() {
            return "roll back " + scope + " to as it was at " + asOf;
        }
    }
}
