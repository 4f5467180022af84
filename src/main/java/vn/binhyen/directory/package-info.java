/** Administrative units, villages and residential groups, police units, officers, jurisdictions, community groups. */
@NullMarked
@ApplicationModule(displayName = "Directory")
package vn.binhyen.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
