package dev.jobstatus.reliability;

import java.util.List;

/**
 * A JSON document as a hostile server writes it: a tree written out as text, valid or not. Strings keep every
 * character they hold (control characters, lone surrogates), escaped as JSON allows unless they are asked to stay raw.
 */
sealed interface JsonDoc {
    /** Writes the document. */
    void write(StringBuilder out);

    /** {@return the document as text} */
    default String text() {
        StringBuilder out = new StringBuilder();
        write(out);
        return out.toString();
    }

    /**
     * A string value.
     *
     * @param value the characters, any of them
     * @param rawControls whether control characters stay unescaped, which JSON forbids
     */
    record Str(String value, boolean rawControls) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            quote(value, rawControls, out);
        }
    }

    /** A number, as a literal that may not fit any Java type ({@code 1e309}, 1,200 digits). */
    record Num(String literal) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append(literal);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append(value);
        }
    }

    /** {@code null}. */
    record Null() implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append("null");
        }
    }

    /** An array. */
    record Arr(List<JsonDoc> items) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                items.get(i).write(out);
            }
            out.append(']');
        }
    }

    /** One member of an object; names may repeat. */
    record Member(String name, JsonDoc value) {}

    /** An object, its members in order (a name may come twice). */
    record Obj(List<Member> members) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                quote(members.get(i).name(), false, out);
                out.append(':');
                members.get(i).value().write(out);
            }
            out.append('}');
        }
    }

    /** {@code levels} arrays or objects nested around {@code core}: deeper than a parser's limit when asked. */
    record Deep(int levels, boolean objects, JsonDoc core) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            for (int i = 0; i < levels; i++) {
                out.append(objects ? "{\"a\":" : "[");
            }
            core.write(out);
            for (int i = 0; i < levels; i++) {
                out.append(objects ? '}' : ']');
            }
        }

        @Override
        public String toString() {
            return "Deep[" + levels + (objects ? " objects" : " arrays") + " around " + core + "]";
        }
    }

    /** Text written as it is: not JSON, or broken JSON. */
    record Raw(String text) implements JsonDoc {
        @Override
        public void write(StringBuilder out) {
            out.append(text);
        }
    }

    /**
     * Writes {@code value} as a JSON string. Quotes, backslashes and (unless {@code rawControls}) control characters
     * are escaped; a lone surrogate is escaped as {@code \\uXXXX}, which JSON allows and UTF-8 could not carry.
     */
    static void quote(String value, boolean rawControls, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 && !rawControls) {
                unicodeEscape(c, out);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c, out);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Writes {@code c} as {@code \\uXXXX}. */
    private static void unicodeEscape(char c, StringBuilder out) {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0000", hex.length(), 4).append(hex);
    }
}
