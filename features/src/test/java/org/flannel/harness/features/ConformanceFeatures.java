package org.flannel.harness.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every feature under src/test/resources/features, against the implementation named by
 * {@code -Dflannel.impl} (default: the reference flanneld). Select with {@code -Dcucumber.filter.tags}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.flannel.harness.steps")
public class ConformanceFeatures {
}
