package org.flannel.harness.conformance;

import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStep;

/** How a failure is told, the same in the conformance report and on the console: where, and what. */
public final class FailureText {
    private FailureText() {}

    /** Whether a step's status makes it the step where a scenario failed. */
    public static boolean isFailure(Status status) {
        return status != Status.PASSED && status != Status.SKIPPED && status != Status.UNUSED;
    }

    /** "Then the ping succeeds  (line 31)", or the hook's type and code location. */
    public static String where(TestStep testStep) {
        if (testStep instanceof PickleStepTestStep pickleStep) {
            return pickleStep.getStep().getKeyword() + pickleStep.getStep().getText() + "  (line "
                    + pickleStep.getStep().getLine() + ")";
        }
        if (testStep instanceof HookTestStep hook) {
            return hook.getHookType() + " hook " + hook.getCodeLocation();
        }
        return testStep.getCodeLocation();
    }

    /** The whole message: an assertion's as it is (our failures carry a field diff or a kernel table in it). */
    public static String message(Throwable error) {
        if (error == null) {
            return null;
        }
        String message = error.getMessage();
        if (error instanceof AssertionError && message != null) {
            return message;
        }
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }
}
