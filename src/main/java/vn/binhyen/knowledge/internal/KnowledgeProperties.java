package vn.binhyen.knowledge.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knowledge search settings.
 *
 * @param suggestThreshold the lowest score (0–1) an entry needs to be suggested at all; below it the resident sees
 *     "no answer yet" rather than a wrong one
 * @param autoAnswerThreshold the lowest score for answering automatically, without an officer; set from the measured
 *     precision on the evaluation set (docs in src/test/resources/knowledge/README.md)
 * @param maxQuestionLength longer questions are refused with a 400 rather than searched
 * @param refreshInterval how often a node checks whether another node approved a new version, and reloads
 * @param publicBaseUrl where residents open the portal's answer pages (for links in replies); "/" means this server
 */
@ConfigurationProperties("binhyen.knowledge")
public record KnowledgeProperties(
        @DefaultValue("0.30") double suggestThreshold,
        @DefaultValue("0.80") double autoAnswerThreshold,
        @DefaultValue("2000") int maxQuestionLength,
        @DefaultValue("60s") Duration refreshInterval,
        @DefaultValue("/") String publicBaseUrl) {}
