package org.bucketsweep.ui.dialog;

import org.bucketsweep.model.delete.DeleteOptions;
import org.bucketsweep.model.plan.DeletePlan;

/** What the person confirmed: exactly this plan, sent with these options. */
public record DeleteDecision(DeletePlan plan, DeleteOptions options) {
}
