package org.coverageengine.domain.code;

import java.util.List;

/** Collects what one source says about a code for a {@link CodeEntry}; absent texts stay null and absent lists empty. */
public final class CodeEntryBuilder {
    final Code code;
    String shortDescription;
    String longDescription;
    List<String> synonyms = List.of();
    String plainLanguage;
    String clinicalContext;
    List<String> specialties = List.of();
    DateRange validity = DateRange.ALWAYS;
    boolean addOn;
    boolean billable = true;
    RvuFacts rvu;
    String billingNote;
    List<String> notes = List.of();
    List<String> sources = List.of();

    CodeEntryBuilder(Code code) {
        this.code = code;
    }

    /** The short (abbreviated) description. */
    public CodeEntryBuilder shortDescription(String text) {
        this.shortDescription = text;
        return this;
    }

    /** The long (full) description. */
    public CodeEntryBuilder longDescription(String text) {
        this.longDescription = text;
        return this;
    }

    /** Other names the code is known by. */
    public CodeEntryBuilder synonyms(List<String> names) {
        this.synonyms = List.copyOf(names);
        return this;
    }

    /** A description for patients. */
    public CodeEntryBuilder plainLanguage(String text) {
        this.plainLanguage = text;
        return this;
    }

    /** When the code is used. */
    public CodeEntryBuilder clinicalContext(String text) {
        this.clinicalContext = text;
        return this;
    }

    /** The specialties that bill the code. */
    public CodeEntryBuilder specialties(List<String> names) {
        this.specialties = List.copyOf(names);
        return this;
    }

    /** The dates on which the code is valid (null: always). */
    public CodeEntryBuilder validity(DateRange range) {
        this.validity = range;
        return this;
    }

    /** Whether the code is an add-on code. */
    public CodeEntryBuilder addOn(boolean addOn) {
        this.addOn = addOn;
        return this;
    }

    /** Whether the code may be billed. */
    public CodeEntryBuilder billable(boolean billable) {
        this.billable = billable;
        return this;
    }

    /** Fee-schedule facts. */
    public CodeEntryBuilder rvu(RvuFacts facts) {
        this.rvu = facts;
        return this;
    }

    /** What billing the code asks of the provider (e.g. that payers differ in accepting it). */
    public CodeEntryBuilder billingNote(String text) {
        this.billingNote = text;
        return this;
    }

    /** Free-text notes. */
    public CodeEntryBuilder notes(List<String> texts) {
        this.notes = List.copyOf(texts);
        return this;
    }

    /** Where the facts come from. */
    public CodeEntryBuilder sources(List<String> names) {
        this.sources = List.copyOf(names);
        return this;
    }

    /** The single place the facts come from. */
    public CodeEntryBuilder source(String name) {
        return sources(List.of(name));
    }

    /** The entry. */
    public CodeEntry build() {
        return new CodeEntry(this);
    }
}
