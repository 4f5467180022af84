/** Insights: daily rollups of every module's facts per unit, dashboards, maps, monthly reports and public figures. */
@NullMarked
@ApplicationModule(displayName = "Insights")
package vn.binhyen.insights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
