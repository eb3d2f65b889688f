package org.bucketsweep.ui.browser;

/** One step of the breadcrumb: the bucket itself (prefix "") or a folder. */
public record Crumb(String label, String prefix) {
}
