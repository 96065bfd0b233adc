package org.flannel.harness.console;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.Collection;
import java.util.List;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * How many scenarios the run selected, for the console's "k of n": Cucumber tells its plugins about a
 * feature only when the feature begins, but the JUnit Platform knows the whole plan before anything runs.
 * Its plan holds every scenario of the features found, and Cucumber skips those that
 * {@code cucumber.filter.tags} leaves out as it goes, so the count applies that filter too. Registered
 * through META-INF/services, so every launcher (failsafe's, a self-test variant's) counts its own plan.
 */
public final class SelectedScenarios implements TestExecutionListener {
    static final String FILTER_TAGS = "cucumber.filter.tags";
    private static volatile int count;

    /** The scenarios of the plan now running; 0 when no plan is known (e.g. Cucumber's own command line). */
    static int count() {
        return count;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        try {
            Expression filter = plan.getConfigurationParameters()
                    .get(FILTER_TAGS)
                    .filter(tags -> !tags.isBlank())
                    .map(TagExpressionParser::parse)
                    .orElse(null);
            count = (int) plan.countTestIdentifiers(
                    test -> isScenario(test.getUniqueIdObject(), test.isTest()) && selected(tagNames(test), filter));
        } catch (RuntimeException e) {
            count = 0; // a tag expression Cucumber will refuse itself: the lines then count without n
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        count = 0;
    }

    /** A test (not a container) of the Cucumber engine, also when a suite runs it. */
    static boolean isScenario(UniqueId id, boolean test) {
        return test
                && id.getSegments().stream()
                        .anyMatch(segment -> segment.getType().equals("engine")
                                && segment.getValue().equals("cucumber"));
    }

    /** @param tags the scenario's tags with their '@' */
    static boolean selected(Collection<String> tags, Expression filter) {
        return filter == null || filter.evaluate(List.copyOf(tags));
    }

    private static List<String> tagNames(TestIdentifier test) {
        return test.getTags().stream()
                .map(TestTag::getName)
                .map(name -> "@" + name)
                .toList();
    }
}
