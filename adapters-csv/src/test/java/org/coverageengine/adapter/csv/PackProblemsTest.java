package org.coverageengine.adapter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator reports every problem of a pack, in the order a reader meets them, without repeating one as another. */
class PackProblemsTest {

    @TempDir
    Path folder;

    List<String> problems() {
        ImportException e = catchThrowableOfType(() -> CsvPolicyPack.fromDirectory(folder), ImportException.class);
        assertThat(e).as("the pack is refused").isNotNull();
        assertThat(e.getMessage()).as("the message is the first problem").isEqualTo(e.problems().get(0).toString());
        return e.problems().stream().map(ImportProblem::toString).toList();
    }

    @Test
    @DisplayName("problems in three files are all reported, file by file, each as file:line:column: reason")
    void everyProblemAcrossFiles() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.edit(folder, "policies.csv", "2024-09-15,2025-09-15", "2024-09-31,2025-09-15");
        PackFolder.edit(folder, "group_codes.csv", "0509,IOM,HCPCS,G0453", "0509,IOM,HCPCS,G045");
        PackFolder.edit(folder, "statements.csv", "has(PAIN),decide", "has(PAINS),decide");
        PackFolder.edit(folder, "statements.csv", ",decide,experimental,", ",forbid,experimental,");

        assertThat(problems()).hasSize(4).satisfiesExactly(
                p -> assertThat(p).startsWith("policies.csv:2:4: bad date '2024-09-31'"),
                p -> assertThat(p).startsWith("group_codes.csv:4:4: malformed code"),
                p -> assertThat(p).startsWith("statements.csv:2:8: unknown rule kind 'forbid'"),
                p -> assertThat(p).startsWith("statements.csv:6:7: unknown group 'PAINS'"));
    }

    @Test
    @DisplayName("every constraint a row breaks is reported, one per cell, in column order")
    void everyViolationOfARow() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.edit(folder, "group_codes.csv", "M51.36,,2024-09-30", "M51.36,09/30/2024,30.09.2024");

        assertThat(problems()).containsExactly(
                "group_codes.csv:183:5: effective: bad date: expected YYYY-MM-DD (was '09/30/2024')",
                "group_codes.csv:183:6: termination: bad date: expected YYYY-MM-DD (was '30.09.2024')");
    }

    @Test
    @DisplayName("a file that cannot be read is one problem, not one per reference into it")
    void unreadableFileIsReportedOnce() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.write(folder, "groups.csv", "");

        assertThat(problems()).containsExactly("groups.csv: the file is empty");
    }

    @Test
    @DisplayName("a policy whose own row is wrong is reported once, not again by every row that names it")
    void badPolicyRowIsNotRepeatedByItsRows() {
        PackFolder.copyOf0509Pack(folder);
        PackFolder.edit(folder, "policies.csv", "2025-09-15,commercial,", "2025-09-15,comercial,");

        assertThat(problems()).singleElement().asString().startsWith("policies.csv:2:6: unknown line of business 'comercial'");
    }
}
