package io.sidecarconformance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sidecarconformance.result.ResultsJson;

/** Escaping for text that comes from results: every string a run recorded is untrusted on the page. */
final class Html {

    private Html() {
    }

    /** Safe as element text and as a quoted attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON made safe inside a {@code <script>} element. In JSON, '<', '>' and '&' can only occur inside strings,
     * where their \\u escapes mean the same; without them a "</script>" in a detail would end the element.
     */
    static String jsonInScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** {@code value} as JSON on one line, for the page's data; {@code what} names it if it cannot be written. */
    static String compactJson(Object value, String what) {
        try {
            return ResultsJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + what, e);
        }
    }
}
