package vn.binhyen.insights.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code binhyen.insights.*}.
 *
 * @param decisionDays the legal clock a decision is measured against: 20 days from receipt (CPC Art. 147(1)), without
 *     extensions, so that "decided in time" means the same in every unit
 * @param rebuild the command: rebuild every rollup from the raw data at start (then keep running)
 * @param boundariesFile a GeoJSON FeatureCollection of province or commune boundaries to import at start
 * @param monthlyReports make each unit's monthly report on the 1st and keep it for its leaders
 * @param rebuildMemory {@code work_mem} and {@code maintenance_work_mem} of the rebuild's transaction only: it hashes
 *     tens of millions of rows at national scale (measured on 10 M tips: one measure's facts hashed in 66 s with 1 GB,
 *     101 s with 256 MB spilling to disk, 171 s sorted instead)
 */
@ConfigurationProperties("binhyen.insights")
public record InsightsProperties(
        @DefaultValue("20") int decisionDays,
        @DefaultValue("false") boolean rebuild,
        @Nullable Path boundariesFile,
        @DefaultValue("true") boolean monthlyReports,
        @DefaultValue("1GB") String rebuildMemory) {}
