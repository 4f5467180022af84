/** Resident-facing pages and the public JSON API: commune pages, the tip form, tip status by code and secret. */
@NullMarked
@ApplicationModule(displayName = "Portal")
package vn.binhyen.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
