/**
 * A local Zalo: OAuth v4, the OA API, signed webhook deliveries and a resident's phone page. Only with
 * {@code binhyen.zalo.simulator.enabled=true}; none of its beans exist in production.
 */
@NullMarked
@ApplicationModule(displayName = "Zalo simulator")
package vn.binhyen.zalosim;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
