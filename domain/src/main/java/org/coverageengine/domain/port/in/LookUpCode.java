package org.coverageengine.domain.port.in;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.coverageengine.domain.code.CodeEntry;

/** Use case: what is this code, and which policies mention it? Or: which codes match these words? */
public interface LookUpCode {

    /** Everything known of a code: its catalog entries and the policies (and groups) that mention it. */
    record CodeFacts(String code, List<CodeEntry> entries, List<String> policyMentions) {
        /** Copies the lists. */
        public CodeFacts {
            entries = ImmutableList.copyOf(entries);
            policyMentions = ImmutableList.copyOf(policyMentions);
        }
    }

    /**
     * Looks a code up; the text may be any CPT, HCPCS or ICD-10-CM code, with or without the ICD dot. Empty when neither
     * the catalog, a policy nor a loaded NCCI table knows it.
     */
    Optional<CodeFacts> byCode(String code);

    /** Searches descriptions and synonyms ("spinal decompression" finds S9090), best matches first. */
    List<CodeEntry> byKeyword(String words, int limit);
}
