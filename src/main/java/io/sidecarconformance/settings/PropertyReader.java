package io.sidecarconformance.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Reads declared properties from one set of system properties, and keeps what each read gave, so the whole of a
 * run's settings can be written into results.json. Blank values count as not given. A bad value is an
 * IllegalArgumentException of one line: the property, the value, what it accepts.
 */
public final class PropertyReader {

    private final Properties properties;
    private final Map<String, String> values = new LinkedHashMap<>();

    public PropertyReader(Properties properties) {
        this.properties = properties;
    }

    /** The value given, stripped, if not blank. */
    public Optional<String> text(Property p) {
        String value = properties.getProperty(p.name(), "").strip();
        Optional<String> given = value.isEmpty() ? Optional.empty() : Optional.of(value);
        values.put(p.name(), value);
        return given;
    }

    /** The value given, stripped, or the fallback; either is recorded as used. */
    public String text(Property p, String fallback) {
        String value = text(p).orElse(fallback);
        values.put(p.name(), value);
        return value;
    }

    /** A whole number with a declared default. */
    public int wholeNumber(Property p) {
        int fallback = p.fallback().orElseThrow(() -> new IllegalStateException(p.name() + " has no default number"));
        int value = wholeNumberIfGiven(p).orElse(fallback);
        values.put(p.name(), Integer.toString(value));
        return value;
    }

    /** A whole number if given; the caller decides the default (and may say which with {@link #used}). */
    public OptionalInt wholeNumberIfGiven(Property p) {
        Optional<String> given = text(p);
        if (given.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(given.get());
            if (v >= p.min() && v <= p.max()) {
                return OptionalInt.of(v);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("-D" + p.name() + "=" + given.get() + " is not a whole number from " + p.min()
                + " to " + p.max() + p.fallback().stream().mapToObj(f -> "; leave it out for the default " + f)
                .findFirst().orElse(""));
    }

    /** One of the declared choices, lower case; the first when not given. */
    public String choice(Property p) {
        String value = text(p).map(v -> v.toLowerCase(Locale.ROOT)).orElse(p.choices().get(0));
        if (!p.choices().contains(value)) {
            throw new IllegalArgumentException("-D" + p.name() + "=" + properties.getProperty(p.name()).strip()
                    + " is not one of " + String.join(", ", p.choices()));
        }
        values.put(p.name(), value);
        return value;
    }

    /** Records the value a property took when its default is decided by the caller (e.g. the machine's parallelism). */
    public void used(Property p, String value) {
        values.put(p.name(), value);
    }

    /** Every property read so far, name to the value used ("" for not given and no default of its own), in read order. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
