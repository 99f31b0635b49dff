package io.segstream.feedback.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The merged lexicon (built-in files first, a business's extra files after: a later entry for the same term
 * replaces the earlier one) and the text normalisation both the lexicon and the feedback text go through.
 * <p>
 * Matching is by longest match at each position of the normalised text, which is what Chinese needs (no spaces
 * between words: 价格太贵 is 价格 + 太 + 贵) and lets phrases win over their parts (不好意思 over 不 + 好,
 * "not bad" over "not" + "bad"). Terms that start or end with a Latin letter or digit only match on word
 * boundaries, so "bad" does not match inside "badge"; a prefix term ({@code deliver*}) matches to the end of the word.
 */
public final class Lexicon {
    private static final int VARIATION_SELECTOR_TEXT = 0xFE0E;
    private static final int VARIATION_SELECTOR_EMOJI = 0xFE0F;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int SKIN_TONE_FIRST = 0x1F3FB;
    private static final int SKIN_TONE_LAST = 0x1F3FF;
    /** Letters repeated more often than this ("soooo", "gooood") are cut back to it. */
    private static final int MAX_LETTER_RUN = 2;

    private final Map<Integer, String> variants = new HashMap<>();
    private final Node root = new Node();
    private final Map<Integer, List<LexiconEntry>> fuzzyTermsByLength = new HashMap<>();
    private final List<LexiconEntry> fuzzyPrefixes = new ArrayList<>();
    private final int entryCount;

    private Lexicon(Collection<LexiconEntry> merged) {
        merged.stream().filter(e -> e.role() == LexiconRole.VARIANT)
                .forEach(e -> variants.put(e.term().codePointAt(0), e.replacement()));
        int count = 0;
        for (LexiconEntry entry : merged) {
            if (entry.role() == LexiconRole.VARIANT) {
                continue;
            }
            String term = normalise(entry.term());
            if (term.isEmpty()) {
                continue;
            }
            insert(term, entry);
            count++;
        }
        this.entryCount = count;
    }

    /** Merges entries in order: an entry replaces an earlier one for the same term (and prefix marker). */
    public static Lexicon of(List<LexiconEntry> entries) {
        Map<String, LexiconEntry> merged = new LinkedHashMap<>();
        for (LexiconEntry entry : entries) {
            String key = entry.role() == LexiconRole.VARIANT ? "variant:" + entry.term() : entry.key().toLowerCase(Locale.ROOT);
            merged.remove(key);
            merged.put(key, entry);
        }
        return new Lexicon(merged.values());
    }

    /** Number of matchable entries (variants not counted). */
    public int size() {
        return entryCount;
    }

    /**
     * NFKC (full-width letters and punctuation become ASCII), lower case, one apostrophe, no emoji presentation
     * selectors or skin tones, character variants replaced, long letter runs shortened.
     */
    public String normalise(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        int previous = -1;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == VARIATION_SELECTOR_TEXT || cp == VARIATION_SELECTOR_EMOJI || cp == ZERO_WIDTH_JOINER
                    || (cp >= SKIN_TONE_FIRST && cp <= SKIN_TONE_LAST)) {
                continue;
            }
            if (cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u00B4' || cp == '\u02BC') {
                cp = '\'';
            }
            String variant = variants.get(cp);
            if (variant != null) {
                out.append(variant);
                previous = -1;
                run = 0;
                continue;
            }
            if (isWordChar(cp) && Character.isLetter(cp)) {
                run = cp == previous ? run + 1 : 1;
                previous = cp;
                if (run > MAX_LETTER_RUN) {
                    continue;
                }
            } else {
                previous = -1;
                run = 0;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The longest entry that matches at {@code start} of normalised text, or null. */
    public Match longestAt(String text, int start) {
        if (start > 0 && isWordChar(text.codePointAt(start)) && isWordChar(text.codePointBefore(start))) {
            return null; // inside a Latin word: nothing may start here
        }
        Node node = root;
        Match best = null;
        for (int j = start; j < text.length(); j++) {
            node = node.children.get(text.charAt(j));
            if (node == null) {
                break;
            }
            int end = j + 1;
            if (node.exact != null && !continuesWord(text, end, node.exact.term())) {
                if (best == null || end >= best.end()) {
                    best = new Match(node.exact, start, end, false);
                }
            }
            if (node.prefix != null) {
                int wordEnd = wordEnd(text, end);
                if (best == null || wordEnd > best.end()) {
                    best = new Match(node.prefix, start, wordEnd, false);
                }
            }
        }
        return best;
    }

    /**
     * A TERM within one edit (insertion, deletion, substitution or swap of neighbours) of the Latin word at
     * {@code start}, for typos such as "qualty" or "recieved". Only words and terms of at least
     * {@code minTermLength} letters take part (short words are too close to each other), and only terms that name
     * a topic or carry a strong opinion (|weight| at least {@code minWeight}): a mild word such as "better" has too
     * many real neighbours ("butter", "letter"). Real words that are one edit from a term are listed in the
     * lexicon as neutral terms, so they match exactly and never reach this.
     */
    public Match fuzzyAt(String text, int start, int minTermLength, double minWeight) {
        int end = wordEnd(text, start);
        String word = text.substring(start, end);
        if (word.length() < minTermLength || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        for (int length = word.length() - 1; length <= word.length() + 1; length++) {
            for (LexiconEntry candidate : fuzzyTermsByLength.getOrDefault(length, List.of())) {
                if (eligible(candidate, minTermLength, minWeight) && editDistanceAtMostOne(word, candidate.term())) {
                    return new Match(candidate, start, end, true);
                }
            }
        }
        for (LexiconEntry candidate : fuzzyPrefixes) {
            if (eligible(candidate, minTermLength, minWeight) && prefixWithinOneEdit(word, candidate.term())) {
                return new Match(candidate, start, end, true);
            }
        }
        return null;
    }

    private static boolean eligible(LexiconEntry candidate, int minTermLength, double minWeight) {
        return candidate.term().length() >= minTermLength
                && (!candidate.topics().isEmpty() || Math.abs(candidate.weight()) >= minWeight);
    }

    /** End of the Latin word that continues at {@code from} (letters, digits and inner apostrophes). */
    public static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                i += Character.charCount(cp);
            } else if (cp == '\'' && i > from && i + 1 < text.length() && isWordChar(text.codePointAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Latin letters and digits make up "words" that need boundaries; CJK characters and emoji do not. */
    public static boolean isWordChar(int cp) {
        return Character.isDigit(cp)
                || (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    private static boolean continuesWord(String text, int end, String term) {
        return end < text.length() && isWordChar(term.codePointBefore(term.length()))
                && isWordChar(text.codePointAt(end));
    }

    private void insert(String term, LexiconEntry entry) {
        Node node = root;
        for (int i = 0; i < term.length(); i++) {
            node = node.children.computeIfAbsent(term.charAt(i), c -> new Node());
        }
        LexiconEntry normalised = new LexiconEntry(term, entry.prefix(), entry.role(), entry.topics(), entry.weight(),
                entry.negatedWeight(), entry.replacement(), entry.source());
        if (entry.prefix()) {
            node.prefix = normalised;
        } else {
            node.exact = normalised;
        }
        boolean meaningful = entry.role() == LexiconRole.TERM && (!entry.isNeutralTerm() || !entry.topics().isEmpty());
        if (meaningful && term.chars().allMatch(Lexicon::isWordChar) && term.chars().allMatch(Character::isLetter)) {
            List<LexiconEntry> bucket = entry.prefix() ? fuzzyPrefixes
                    : fuzzyTermsByLength.computeIfAbsent(term.length(), k -> new ArrayList<>());
            bucket.removeIf(existing -> existing.term().equals(term));
            bucket.add(normalised);
            bucket.sort(Comparator.comparing(LexiconEntry::term));
        }
    }

    /**
     * Whether the word starts with the prefix up to one edit. The start of the word that is compared must end in
     * the prefix's last letter: otherwise every word that shares all but the last letter would count
     * ("receipt" is not "receiv*").
     */
    private static boolean prefixWithinOneEdit(String word, String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        for (int length = prefix.length() - 1; length <= prefix.length() + 1; length++) {
            if (length > 0 && length <= word.length() && word.charAt(length - 1) == last
                    && editDistanceAtMostOne(word.substring(0, length), prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits) is at most one. */
    static boolean editDistanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true; // one substitution
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // neighbours swapped
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    /** A lexicon entry found in the normalised text between {@code start} and {@code end}. */
    public record Match(LexiconEntry entry, int start, int end, boolean fuzzy) {
    }

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>();
        private LexiconEntry exact;
        private LexiconEntry prefix;
    }
}
