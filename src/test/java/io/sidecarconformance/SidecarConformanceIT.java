package io.sidecarconformance;


import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

/** The suite: every scenario under features/, on the cluster chosen with -Dcluster. Run by `mvn verify`. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.sidecarconformance.steps,io.sidecarconformance.hooks")
public class SidecarConformanceIT {
}
