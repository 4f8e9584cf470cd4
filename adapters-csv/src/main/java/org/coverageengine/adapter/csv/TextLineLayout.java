package org.coverageengine.adapter.csv;

import java.util.List;

/** A layout whose records are the lines of a text file (the CDC's fixed-width and addenda files). */
interface TextLineLayout extends CodeFileLayout<TextLine> {

    /** The file's name, which every error message starts with. */
    String fileName();

    @Override
    default List<TextLine> records(String text) {
        return TextLine.of(fileName(), text);
    }

    @Override
    default int line(TextLine record) {
        return record.number();
    }
}
