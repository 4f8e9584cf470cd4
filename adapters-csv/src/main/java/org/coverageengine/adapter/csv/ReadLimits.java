package org.coverageengine.adapter.csv;

/**
 * The largest files an import reads, in bytes; a larger file is refused before any of it is read. The defaults
 * leave room for the official CMS/CDC files (up to about 15 MB today) and for packs far larger than any written
 * by hand.
 */
public record ReadLimits(long packFileBytes, long codeFileBytes) {

    /** 16 MiB per file of a policy pack. */
    public static final long DEFAULT_PACK_FILE_BYTES = 16L * 1024 * 1024;
    /** 256 MiB per official code file. */
    public static final long DEFAULT_CODE_FILE_BYTES = 256L * 1024 * 1024;
    /** The command-line option that raises the pack file limit, named in the error. */
    public static final String PACK_FILE_OPTION = "--max-pack-file-bytes";
    /** The command-line option that raises the code file limit, named in the error. */
    public static final String CODE_FILE_OPTION = "--max-code-file-bytes";
    /** The default limits. */
    public static final ReadLimits DEFAULTS = new ReadLimits(DEFAULT_PACK_FILE_BYTES, DEFAULT_CODE_FILE_BYTES);

    /** Checks that both limits are positive. */
    public ReadLimits {
        if (packFileBytes < 1 || codeFileBytes < 1) {
            throw new IllegalArgumentException("read limits must be at least 1 byte");
        }
    }

    static ImportException tooLarge(String file, long limit, String option) {
        return new ImportException(file, 0, 0, "larger than the limit of " + limit + " bytes (option " + option + ")");
    }
}
