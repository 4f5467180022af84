package vn.binhyen.knowledge.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeSearchConfiguration {

    @Bean
    TextAnalysis knowledgeTextAnalysis() {
        return TextAnalysis.load();
    }
}
