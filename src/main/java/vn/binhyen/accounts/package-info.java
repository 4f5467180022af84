/** Officer sign-in, roles and authorisation scoped to the officer's unit subtree. */
@NullMarked
@ApplicationModule(displayName = "Accounts")
package vn.binhyen.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
