package vn.binhyen.portal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mapTilesUrl the tile server for maps on resident pages; the map still works as a pin picker without tiles
 * @param writesPerMinute tips, messages and look-ups one client address may send per minute
 */
@ConfigurationProperties("binhyen.portal")
record PortalProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String mapTilesUrl,
        @DefaultValue("30") int writesPerMinute) {}
