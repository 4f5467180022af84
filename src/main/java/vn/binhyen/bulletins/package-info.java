/** Bulletins (bản tin): posts to residents, audience within the author's scope, approval, scheduling, fan-out, reach. */
@NullMarked
@ApplicationModule(displayName = "Bulletins")
package vn.binhyen.bulletins;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
