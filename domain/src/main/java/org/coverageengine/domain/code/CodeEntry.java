package org.coverageengine.domain.code;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the catalog knows about one code over one period of validity: descriptions, synonyms, plain
 * language, clinical context, specialties, dates, the add-on flag, RVU facts, billing note and notes. Built with
 * {@link #builder(Code)}: a source states only what it knows.
 */
public final class CodeEntry {

    private final Code code;
    private final String shortDescription;
    private final String longDescription;
    private final List<String> synonyms;
    private final String plainLanguage;
    private final String clinicalContext;
    private final List<String> specialties;
    private final DateRange validity;
    private final boolean addOn;
    private final boolean billable;
    private final RvuFacts rvu;
    private final String billingNote;
    private final List<String> notes;
    private final List<String> sources;

    CodeEntry(CodeEntryBuilder b) {
        this.code = Objects.requireNonNull(b.code, "code");
        this.shortDescription = blankToNull(b.shortDescription);
        this.longDescription = blankToNull(b.longDescription);
        this.synonyms = ImmutableList.copyOf(b.synonyms);
        this.plainLanguage = blankToNull(b.plainLanguage);
        this.clinicalContext = blankToNull(b.clinicalContext);
        this.specialties = ImmutableList.copyOf(b.specialties);
        this.validity = b.validity == null ? DateRange.ALWAYS : b.validity;
        this.addOn = b.addOn;
        this.billable = b.billable;
        this.rvu = b.rvu;
        this.billingNote = blankToNull(b.billingNote);
        this.notes = ImmutableList.copyOf(b.notes);
        this.sources = ImmutableList.copyOf(b.sources);
    }

    /** Starts an entry for the code: billable, not an add-on, valid always, until told otherwise. */
    public static CodeEntryBuilder builder(Code code) {
        return new CodeEntryBuilder(code);
    }

    /** A minimal entry: a code, its description and its validity. */
    public static CodeEntry of(Code code, String description, DateRange validity, String source) {
        return builder(code).shortDescription(description).longDescription(description).validity(validity).source(source).build();
    }

    /** The code. */
    public Code code() {
        return code;
    }

    /** The short (abbreviated) description, or null. */
    public String shortDescription() {
        return shortDescription;
    }

    /** The long (full) description, or null. */
    public String longDescription() {
        return longDescription;
    }

    /** Other names the code is known by. */
    public List<String> synonyms() {
        return synonyms;
    }

    /** A description for patients, or null. */
    public String plainLanguage() {
        return plainLanguage;
    }

    /** When the code is used, or null. */
    public String clinicalContext() {
        return clinicalContext;
    }

    /** The specialties that bill the code. */
    public List<String> specialties() {
        return specialties;
    }

    /** The dates on which the code is valid. */
    public DateRange validity() {
        return validity;
    }

    /** True for an add-on code (billed only with a primary procedure). */
    public boolean addOn() {
        return addOn;
    }

    /** True when the code may be billed (ICD-10-CM category headers may not). */
    public boolean billable() {
        return billable;
    }

    /** The fee-schedule facts the source gave, or null. */
    public RvuFacts rvu() {
        return rvu;
    }

    /** Free-text notes. */
    public List<String> notes() {
        return notes;
    }

    /** Where the facts come from. */
    public List<String> sources() {
        return sources;
    }

    /** The best description for display: the long one, else the short one, else the code. */
    public String display() {
        if (longDescription != null) {
            return longDescription;
        }
        return shortDescription != null ? shortDescription : code.value();
    }

    /** The billing and documentation note a source gave for the code (or for a pattern of codes it belongs to). */
    public Optional<String> billingNote() {
        return Optional.ofNullable(billingNote);
    }

    /** The RVU facts a source gave for the code (or for a pattern of codes it belongs to). */
    public Optional<RvuFacts> rvuFacts() {
        return Optional.ofNullable(rvu);
    }

    /**
     * This entry with the facts stated for a pattern of codes it belongs to, where the entry states none of its own: a
     * code's own RVU facts and billing note always win over the pattern's.
     */
    public CodeEntry withPatternFacts(CodePatternFacts facts) {
        boolean addsRvu = rvu == null && facts.rvu() != null;
        boolean addsNote = billingNote == null && facts.billingNote() != null;
        if (!addsRvu && !addsNote) {
            return this;
        }
        CodeEntryBuilder b = copy();
        b.rvu(addsRvu ? facts.rvu() : rvu).billingNote(addsNote ? facts.billingNote() : billingNote);
        return b.build();
    }

    private CodeEntryBuilder copy() {
        return builder(code).shortDescription(shortDescription).longDescription(longDescription).synonyms(synonyms)
                .plainLanguage(plainLanguage).clinicalContext(clinicalContext).specialties(specialties).validity(validity)
                .addOn(addOn).billable(billable).rvu(rvu).billingNote(billingNote).notes(notes).sources(sources);
    }

    /**
     * Combines what two sources say of the same code: texts and flags from this entry win when present, lists
     * are united, and validity becomes the overlap (the later start, the earlier end) when the two overlap.
     */
    public CodeEntry mergedWith(CodeEntry other) {
        if (!code.equals(other.code)) {
            throw new IllegalArgumentException("cannot merge " + code + " with " + other.code);
        }
        return builder(code)
                .shortDescription(first(shortDescription, other.shortDescription))
                .longDescription(first(longDescription, other.longDescription))
                .synonyms(union(synonyms, other.synonyms))
                .plainLanguage(first(plainLanguage, other.plainLanguage))
                .clinicalContext(first(clinicalContext, other.clinicalContext))
                .specialties(union(specialties, other.specialties))
                .validity(validity.intersect(other.validity).orElse(validity))
                .addOn(addOn || other.addOn)
                .billable(billable && other.billable)
                .rvu(rvu != null ? rvu.mergedWith(other.rvu) : other.rvu)
                .billingNote(first(billingNote, other.billingNote))
                .notes(union(notes, other.notes))
                .sources(union(sources, other.sources))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CodeEntry e)) {
            return false;
        }
        return addOn == e.addOn && billable == e.billable && code.equals(e.code)
                && Objects.equals(shortDescription, e.shortDescription) && Objects.equals(longDescription, e.longDescription)
                && synonyms.equals(e.synonyms) && Objects.equals(plainLanguage, e.plainLanguage)
                && Objects.equals(clinicalContext, e.clinicalContext) && specialties.equals(e.specialties)
                && validity.equals(e.validity) && Objects.equals(rvu, e.rvu) && Objects.equals(billingNote, e.billingNote) && notes.equals(e.notes) && sources.equals(e.sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, shortDescription, longDescription, synonyms, plainLanguage, clinicalContext, specialties,
                validity, addOn, billable, rvu, billingNote, notes, sources);
    }

    @Override
    public String toString() {
        return "CodeEntry[" + code + " " + display() + ", " + validity + (billable ? "" : ", not billable") + (addOn ? ", add-on" : "")
                + ", sources=" + sources + "]";
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
