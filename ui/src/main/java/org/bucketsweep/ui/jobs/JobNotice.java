package org.bucketsweep.ui.jobs;

/**
 * What the person is told when a job ends, in a notification.
 *
 * @param problems whether some items failed or were not attempted
 */
public record JobNotice(String title, String text, boolean problems) {
}
