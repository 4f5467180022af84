/** Procedures catalogue and officer-approved answers: review and history, Vietnamese search, suggested answers. */
@NullMarked
@ApplicationModule(displayName = "Knowledge")
package vn.binhyen.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
