/**
 * Early warning: every tip and message is a signal; signals about one event are grouped into an incident by place,
 * time and text; watch terms weigh them; an incident above the unit's threshold raises an urgent alert.
 */
@NullMarked
@ApplicationModule(displayName = "Incidents")
package vn.binhyen.incidents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
