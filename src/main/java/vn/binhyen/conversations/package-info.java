/** The officer inbox: threads with residents and village groups on any channel, and officers' replies. */
@NullMarked
@ApplicationModule(displayName = "Conversations")
package vn.binhyen.conversations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
