package org.coverageengine.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</textarea><svg onload=alert(1)>",
        "javascript:alert(1)//<a>",
        "M51.360\u0000<b>",
    })
    void hostileTextCannotOpenATagOrLeaveAnAttribute(String hostile) {
        String escaped = Html.esc(hostile);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "\u0000");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a & b|a &amp; b",
        "&lt;|&amp;lt;",
        "95940|95940",
        "Physician's \"note\"|Physician&#39;s &quot;note&quot;",
    })
    void escapesExactlyTheSignificantCharacters(String text, String expected) {
        assertThat(Html.esc(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "M51.360|M51.360",
        "a b/c\"|a%20b%2Fc%22",
    })
    void urlPartsArePercentEncoded(String text, String expected) {
        assertThat(Html.url(text)).isEqualTo(expected);
    }
}
