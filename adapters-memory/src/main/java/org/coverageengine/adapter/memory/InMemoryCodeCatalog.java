package org.coverageengine.adapter.memory;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.port.out.CodeCatalog;

/**
 * An immutable code catalog held in memory: look-ups are hash look-ups; the keyword index is built on the first
 * search, so imports stay fast.
 */
public final class InMemoryCodeCatalog implements CodeCatalog {

    private final Map<Code, List<CodeEntry>> entries;
    private final List<CompletenessDeclaration> declarations;
    private final List<CodePatternFacts> patternFacts;
    private final Map<CodeSystem, Integer> counts;
    private final Supplier<Map<String, List<Code>>> keywordIndex;

    /** Creates the catalog from entries grouped by code and the completeness declarations. */
    public InMemoryCodeCatalog(Map<Code, List<CodeEntry>> entries, List<CompletenessDeclaration> declarations) {
        this(entries, declarations, List.of());
    }

    /** Creates the catalog; {@code patternFacts} are kept (already applied to the entries) for a later draft to extend. */
    public InMemoryCodeCatalog(Map<Code, List<CodeEntry>> entries, List<CompletenessDeclaration> declarations,
            List<CodePatternFacts> patternFacts) {
        ImmutableMap.Builder<Code, List<CodeEntry>> copy = ImmutableMap.builderWithExpectedSize(entries.size());
        Map<CodeSystem, Integer> perSystem = new EnumMap<>(CodeSystem.class);
        entries.forEach((code, list) -> {
            copy.put(code, ImmutableList.copyOf(list));
            perSystem.merge(code.system(), 1, Integer::sum);
        });
        this.entries = copy.build();
        this.declarations = ImmutableList.copyOf(declarations);
        this.patternFacts = ImmutableList.copyOf(patternFacts);
        this.counts = ImmutableMap.copyOf(perSystem);
        this.keywordIndex = Suppliers.memoize(this::buildIndex);
    }

    /** An empty catalog. */
    public static InMemoryCodeCatalog empty() {
        return new InMemoryCodeCatalog(Map.of(), List.of());
    }

    @Override
    public List<CodeEntry> entries(Code code) {
        return entries.getOrDefault(code, ImmutableList.of());
    }

    @Override
    public boolean declaresComplete(CodeSystem system, LocalDate date) {
        for (CompletenessDeclaration declaration : declarations) {
            if (declaration.covers(system, date)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> completeness() {
        return declarations.stream().map(CompletenessDeclaration::toString).collect(ImmutableList.toImmutableList());
    }

    /** The completeness declarations themselves. */
    public List<CompletenessDeclaration> declarations() {
        return declarations;
    }

    /** The facts stated for patterns of codes. */
    public List<CodePatternFacts> patternFacts() {
        return patternFacts;
    }

    /** Every code with its entries. */
    public Map<Code, List<CodeEntry>> allEntries() {
        return entries;
    }

    @Override
    public Map<CodeSystem, Integer> countsBySystem() {
        return counts;
    }

    @Override
    public List<CodeEntry> search(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return ImmutableList.of();
        }
        String phrase = normalise(text);
        List<String> words = tokens(text);
        if (words.isEmpty()) {
            return ImmutableList.of();
        }
        Map<String, List<Code>> index = keywordIndex.get();
        Set<Code> candidates = null;
        for (String word : words) {
            List<Code> posting = index.getOrDefault(word, List.of());
            if (candidates == null) {
                candidates = new HashSet<>(posting);
            } else {
                candidates.retainAll(posting);
            }
            if (candidates.isEmpty()) {
                return ImmutableList.of();
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Code code : candidates) {
            CodeEntry entry = latestOf(code);
            if (affirms(entry, words)) {
                scored.add(new Scored(entry, score(entry, phrase)));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.entry().code()));
        return scored.stream().limit(limit).map(Scored::entry).collect(ImmutableList.toImmutableList());
    }

    private record Scored(CodeEntry entry, int score) {
    }

    private CodeEntry latestOf(Code code) {
        List<CodeEntry> list = entries.get(code);
        return list.get(list.size() - 1);
    }

    /** Words that deny the word after them: "without decompression" is not about decompression. */
    private static final Set<String> NEGATIONS = Set.of("without", "no", "not", "except", "excluding", "non");

    /** True when every query word occurs in the entry's texts at least once not denied by the word before it. */
    private static boolean affirms(CodeEntry entry, List<String> words) {
        Set<String> affirmed = new HashSet<>();
        List<String> texts = new ArrayList<>(entry.synonyms());
        texts.add(entry.shortDescription());
        texts.add(entry.longDescription());
        texts.add(entry.plainLanguage());
        texts.add(entry.code().value());
        texts.add(entry.code().compactValue());
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            List<String> tokens = tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                // "with or without decompression" offers it rather than denying it.
                boolean denied = i > 0 && NEGATIONS.contains(tokens.get(i - 1)) && !(i > 1 && tokens.get(i - 2).equals("or"));
                if (!denied) {
                    affirmed.add(tokens.get(i));
                }
            }
        }
        return affirmed.containsAll(words);
    }

    private static int score(CodeEntry entry, String phrase) {
        int score = 0;
        for (String synonym : entry.synonyms()) {
            String s = normalise(synonym);
            if (s.equals(phrase)) {
                score = Math.max(score, 100);
            } else if (s.contains(phrase)) {
                score = Math.max(score, 60);
            }
        }
        for (String description : new String[] {entry.shortDescription(), entry.longDescription(), entry.plainLanguage()}) {
            if (description != null && normalise(description).contains(phrase)) {
                score = Math.max(score, 40);
            }
        }
        // Curated entries (with synonyms or plain language) rank above bare file rows that match as well.
        if (!entry.synonyms().isEmpty() || entry.plainLanguage() != null) {
            score += 5;
        }
        return score;
    }

    private Map<String, List<Code>> buildIndex() {
        Map<String, List<Code>> index = new HashMap<>();
        entries.forEach((code, list) -> {
            Set<String> words = new HashSet<>();
            words.add(code.value().toLowerCase(Locale.ROOT));
            words.add(code.compactValue().toLowerCase(Locale.ROOT));
            for (CodeEntry entry : list) {
                addWords(words, entry.shortDescription());
                addWords(words, entry.longDescription());
                addWords(words, entry.plainLanguage());
                entry.synonyms().forEach(s -> addWords(words, s));
            }
            for (String word : words) {
                index.computeIfAbsent(word, w -> new ArrayList<>(4)).add(code);
            }
        });
        return index;
    }

    private static void addWords(Collection<String> into, String text) {
        if (text != null) {
            into.addAll(tokens(text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        for (String word : normalise(text).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '.') {
                out.append(c);
                space = false;
            } else if (!space && out.length() > 0) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().trim();
    }
}
