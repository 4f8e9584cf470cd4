package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** evaluate --age/--birth-date, --sex and --place reach the policy's conditions; a missing fact is said, not guessed. */
class PatientOptionsTest {

    @TempDir
    static Path pack;

    static void writePack() throws IOException {
        Files.writeString(pack.resolve("pack.csv"), "pack_id,version,title\nlam,1,Laminectomy\n");
        Files.writeString(pack.resolve("policies.csv"), "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\n"
                + "LAM-1,Lumbar laminectomy,Example payer,2025-01-01,,commercial,,,\n");
        Files.writeString(pack.resolve("groups.csv"), "policy,group,title,section,pattern_system,pattern_prefix\nLAM-1,LAMINECTOMY,Laminectomy,Codes,,\n");
        Files.writeString(pack.resolve("group_codes.csv"), "policy,group,system,code,effective,termination,description\n"
                + "LAM-1,LAMINECTOMY,CPT,63001-63048,,,\n");
        Files.writeString(pack.resolve("statements.csv"), "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
                + "LAM-1,10,ADULT-WOMAN-OUTPATIENT,Coverage,LAMINECTOMY,,age(18-) & sex(female) & place(22),decide,covered,Covered for adult women in outpatient hospital.\n"
                + "LAM-1,20,OTHERWISE,Coverage,LAMINECTOMY,,,decide,not-covered,Not covered otherwise.\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "all facts given and met            | --age=70         | --sex=female | --place=22 | covered",
        "birth date instead of age           | --birth-date=1955-01-01 | --sex=f | --place=22 | covered",
        "a fact not met                      | --age=17         | --sex=female | --place=22 | not-covered",
        "no age: not evaluated               | --sex=female     | --place=22   | --lob=commercial | conditional"})
    void facts(String name, String first, String second, String third, String outcome) throws IOException {
        writePack();

        Cli cli = Cli.run("evaluate", "--pack", pack.toString(), "--date", "2025-03-10", "--line", "63030:M48.061", first, second, third, "--json");

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"outcome\":\"" + outcome + "\"");
        if (outcome.equals("conditional")) {
            assertThat(cli.out()).contains("Could not be evaluated: the request does not give the patient's age (birth date)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--sex=x       | unknown --sex 'x' (expected female, male or other)",
        "--place=221   | --place must be a two-digit CMS place-of-service code, was '221'",
        "--age=200     | --age must be 0 to 150 years, was 200"})
    void usageErrors(String option, String message) {
        Cli cli = Cli.run("evaluate", "--date", "2025-03-10", "--line", "63030", option);

        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(message);
    }
}
