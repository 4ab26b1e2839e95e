package dev.jobstatus.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void escapesControlCharacters() {
        assertThat(Text.escape("a\nb\rc\td\u001be\u2028")).isEqualTo("a\\nb\\rc\\td\\u001be\\u2028");
        assertThat(Text.escape("plain ünïcode ✓")).isEqualTo("plain ünïcode ✓");
    }

    @Test
    void escapesC1ControlsAndBidiOverridesThatReorderWhatATerminalOrALogViewerShows() {
        assertThat(Text.escape("a\u009b2Jb\u0085c\u007f")).isEqualTo("a\\u009b2Jb\\u0085c\\u007f");
        assertThat(Text.escape("invoice\u202Egpj.exe \u2066x\u2069 \u200Fy\u061C"))
                .isEqualTo("invoice\\u202egpj.exe \\u2066x\\u2069 \\u200fy\\u061c");
        // Joiners that make emoji and scripts render are text, not controls.
        assertThat(Text.escape("👩\u200D💻 क्\u200Dष")).isEqualTo("👩\u200D💻 क्\u200Dष");
    }

    @Test
    void redactsKnownSecretsAndSecretLookingFields() {
        String body = "{\"access_token\":\"abc\\\"def\",\"Password\" : \"hunter2\",\"name\":\"ok\"} key=K3Y-VALUE";
        assertThat(Text.redact(body, List.of("K3Y-VALUE", "ab")))
                .isEqualTo("{\"access_token\":\"***\",\"Password\" : \"***\",\"name\":\"ok\"} key=***");
    }

    @Test
    void redactsSecretFieldsInAnyCaseStyleAndCredentialsAfterTheirScheme() {
        String body = "{\"accessToken\":\"LEAKME4\",\"client-secret\":\"LEAKME6\",\"apiKey\":\"LEAKME7\"} "
                + "refreshToken=LEAKME1&x=1 Authorization: Bearer LEAKME5, basic LEAKME8";

        assertThat(Text.redact(body, List.of()))
                .doesNotContain("LEAKME")
                .contains("\"accessToken\":\"***\"", "Bearer ***", "refreshToken=***&x=1");
    }

    @Test
    void excerptIsClipped() {
        assertThat(Text.excerpt("y".repeat(5000), List.of()))
                .hasSize(Text.EXCERPT_CHARS + 1)
                .endsWith("…");
    }
}
