/** Shared kernel: Vietnamese text folding, the clock, ids, secret encryption, the database and web layout helpers. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.binhyen.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
