package io.sidecarconformance.settings;

import java.util.List;
import java.util.OptionalInt;

/**
 * One {@code -D} property, declared once: its name, its default, what it accepts and what it does. The parse
 * ({@link PropertyReader}) and the table in docs/settings.md ({@link SettingsTable}) both read these declarations.
 *
 * @param name        the property, without "-D"
 * @param defaultText the default as the table says it (Markdown)
 * @param accepts     what a value may be, as the table says it (Markdown)
 * @param meaning     what it does (Markdown)
 * @param min         for a whole number: the smallest value accepted
 * @param max         for a whole number: the largest value accepted
 * @param fallback    for a whole number: the default, when it is one number
 * @param choices     for a choice: every value accepted, the first the default
 */
public record Property(String name, String defaultText, String accepts, String meaning, Kind kind, int min, int max,
                       OptionalInt fallback, List<String> choices) {

    /** How a value is read. */
    public enum Kind { TEXT, WHOLE_NUMBER, CHOICE }

    public Property {
        choices = List.copyOf(choices);
    }

    /** A whole number from min to max, fallback when not given. */
    public static Property wholeNumber(String name, int fallback, int min, int max, String meaning) {
        return new Property(name, Integer.toString(fallback), min + " to " + max, meaning, Kind.WHOLE_NUMBER, min, max,
                OptionalInt.of(fallback), List.of());
    }

    /** A whole number from min to max whose default the reader's caller decides (described by defaultText). */
    public static Property wholeNumber(String name, String defaultText, int min, int max, String meaning) {
        return new Property(name, defaultText, min + " to " + max, meaning, Kind.WHOLE_NUMBER, min, max,
                OptionalInt.empty(), List.of());
    }

    /** Free text (blank is not given). */
    public static Property text(String name, String defaultText, String accepts, String meaning) {
        return new Property(name, defaultText, accepts, meaning, Kind.TEXT, 0, 0, OptionalInt.empty(), List.of());
    }

    /** One of the choices, case-insensitive; the first is the default. */
    public static Property choice(String name, List<String> choices, String meaning) {
        return new Property(name, "`" + choices.get(0) + "`",
                String.join(", ", choices.stream().map(c -> "`" + c + "`").toList()), meaning, Kind.CHOICE, 0, 0,
                OptionalInt.empty(), choices);
    }
}
