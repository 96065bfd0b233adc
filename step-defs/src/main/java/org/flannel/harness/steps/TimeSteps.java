package org.flannel.harness.steps;

import io.cucumber.java.en.When;
import java.time.Duration;

/** Time a fault lasts: nothing is checked while it passes, the steps after judge what it did. */
public final class TimeSteps {
    private static final int LONGEST = 120;

    @When("{int} seconds pass")
    public void secondsPass(int seconds) throws InterruptedException {
        if (seconds < 1 || seconds > LONGEST) {
            throw new IllegalArgumentException("let 1 to " + LONGEST + " seconds pass, not " + seconds);
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
    }
}
