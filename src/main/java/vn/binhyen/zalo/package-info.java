/** Zalo Official Account adapter: webhook, signature, OAuth tokens, API client, followers, group messages. */
@NullMarked
@ApplicationModule(displayName = "Zalo OA channel")
package vn.binhyen.zalo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
