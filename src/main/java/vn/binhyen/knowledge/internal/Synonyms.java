package vn.binhyen.knowledge.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import vn.binhyen.shared.text.VietnameseText;

/**
 * Rewrites the ways residents name one thing ("cmnd", "chứng minh thư", "thẻ căn cước") into one form before
 * indexing and searching, so synonyms need no graph in Lucene and shingles keep working. Longest phrase first.
 */
final class Synonyms {

    private final Map<List<String>, List<String>> replacements;
    private final int longest;

    private Synonyms(Map<List<String>, List<String>> replacements) {
        this.replacements = Map.copyOf(replacements);
        this.longest = replacements.keySet().stream().mapToInt(List::size).max().orElse(1);
    }

    static Synonyms load(String resource) {
        Map<List<String>, List<String>> replacements = new HashMap<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] sides = line.split("=>");
                List<String> target = List.of(VietnameseText.fold(sides[1]).split(" "));
                for (String variant : sides[0].split("\\|")) {
                    // putIfAbsent: the first line that names a variant wins, as a reader of the file expects.
                    replacements.putIfAbsent(VietnameseText.foldedWords(variant), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return new Synonyms(replacements);
    }

    List<String> rewrite(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 8);
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(longest, words.size() - i); n >= 1 && matched == 0; n--) {
                List<String> target = replacements.get(words.subList(i, i + n));
                if (target != null) {
                    out.addAll(target);
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(words.get(i));
                matched = 1;
            }
            i += matched;
        }
        return out;
    }
}
