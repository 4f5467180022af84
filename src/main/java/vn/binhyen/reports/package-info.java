/** The register of tips and crime reports from every channel, its workflow, and reporter protection. */
@NullMarked
@ApplicationModule(displayName = "Reports")
package vn.binhyen.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
