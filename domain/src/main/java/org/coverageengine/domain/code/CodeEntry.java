package org.coverageengine.domain.code;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the catalog knows about one code over one period of validity: descriptions, synonyms, plain
 * language, clinical context, specialties, dates, the add-on flag, RVU facts and notes.
 */
public record CodeEntry(
        Code code,
        String shortDescription,
        String longDescription,
        List<String> synonyms,
        String plainLanguage,
        String clinicalContext,
        List<String> specialties,
        DateRange validity,
        boolean addOn,
        boolean billable,
        RvuFacts rvu,
        List<String> notes,
        List<String> sources) {

    /** The note every HCPCS S-code carries. */
    public static final String TEMPORARY_CODE_NOTE = "S-codes are temporary national codes used by private payers (not Medicare) "
            + "for services without a standard CPT or HCPCS code; coverage varies between insurers: verify payer acceptance "
            + "before billing and document medical necessity.";

    /** Normalises absent lists and texts. */
    public CodeEntry {
        Objects.requireNonNull(code, "code");
        shortDescription = blankToNull(shortDescription);
        longDescription = blankToNull(longDescription);
        plainLanguage = blankToNull(plainLanguage);
        clinicalContext = blankToNull(clinicalContext);
        synonyms = synonyms == null ? ImmutableList.of() : ImmutableList.copyOf(synonyms);
        specialties = specialties == null ? ImmutableList.of() : ImmutableList.copyOf(specialties);
        notes = notes == null ? ImmutableList.of() : ImmutableList.copyOf(notes);
        sources = sources == null ? ImmutableList.of() : ImmutableList.copyOf(sources);
        validity = validity == null ? DateRange.ALWAYS : validity;
    }

    /** A minimal entry: a code, its description and its validity. */
    public static CodeEntry of(Code code, String description, DateRange validity, String source) {
        return new CodeEntry(code, description, description, null, null, null, null, validity, false, true, null, null,
                ImmutableList.of(source));
    }

    /** The best description for display: the long one, else the short one, else the code. */
    public String display() {
        if (longDescription != null) {
            return longDescription;
        }
        return shortDescription != null ? shortDescription : code.value();
    }

    /** True when the code may be billed on the date: billable and within its validity. */
    public boolean validOn(LocalDate date) {
        return billable && validity.contains(date);
    }

    /** The S-code note for HCPCS S-codes, whether or not the source gave one. */
    public Optional<String> temporaryCodeNote() {
        return code.isTemporaryPrivatePayerCode() ? Optional.of(TEMPORARY_CODE_NOTE) : Optional.empty();
    }

    /** RVU facts; S-codes without a fee-schedule row get the "no RVU assigned" note. */
    public Optional<RvuFacts> rvuFacts() {
        if (rvu != null) {
            return Optional.of(rvu);
        }
        return code.isTemporaryPrivatePayerCode() ? Optional.of(RvuFacts.noneAssigned()) : Optional.empty();
    }

    /**
     * Combines what two sources say of the same code: texts and flags from this entry win when present, lists
     * are united, and validity becomes the overlap (the later start, the earlier end) when the two overlap.
     */
    public CodeEntry mergedWith(CodeEntry other) {
        if (!code.equals(other.code)) {
            throw new IllegalArgumentException("cannot merge " + code + " with " + other.code);
        }
        return new CodeEntry(code,
                first(shortDescription, other.shortDescription),
                first(longDescription, other.longDescription),
                union(synonyms, other.synonyms),
                first(plainLanguage, other.plainLanguage),
                first(clinicalContext, other.clinicalContext),
                union(specialties, other.specialties),
                validity.intersect(other.validity).orElse(validity),
                addOn || other.addOn,
                billable && other.billable,
                rvu != null ? rvu.mergedWith(other.rvu) : other.rvu,
                union(notes, other.notes),
                union(sources, other.sources));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        ImmutableList.Builder<String> all = ImmutableList.<String>builder().addAll(a);
        for (String item : b) {
            if (!a.contains(item)) {
                all.add(item);
            }
        }
        return all.build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
