/** The tamper-evident audit log: every view and change of a report, identity reveal, sign-in and export, hash-chained. */
@NullMarked
@ApplicationModule(displayName = "Audit")
package vn.binhyen.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
