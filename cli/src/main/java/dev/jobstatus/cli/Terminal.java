package dev.jobstatus.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.jobstatus.core.internal.text.Text;

/**
 * Text a server or a user wrote, made safe for a terminal: one escaping for every table cell, record line, progress
 * line and error message the command prints, so no value can clear the screen, set the window title, move the
 * cursor or forge a line; and its counterpart for JSON lines.
 */
final class Terminal {
    /**
     * What JSON lines escape beyond JSON's own control characters: DEL, the C1 controls (U+0080 to U+009F, which
     * some terminals act on even in UTF-8), line and paragraph separators, and the bidi controls. The line stays
     * valid JSON and reads back as the server's text.
     */
    static final CharacterEscapes JSON = new JsonEscapes();

    private Terminal() {}

    /** Returns {@code value}'s text with every control character escaped ({@code \n}, {@code \u001b}…); "" for null. */
    static String text(Object value) {
        return value == null ? "" : Text.escape(value.toString());
    }

    private static final class JsonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            String one = String.valueOf((char) ch);
            return ch > 0xffff || Text.escape(one).equals(one)
                    ? null
                    : new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
