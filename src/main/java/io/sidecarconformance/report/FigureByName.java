package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * One figure of a run named as results.json names it ({@code terminationSeconds}), or one container's entry of a
 * per-container figure ({@code restarts.main}): what a note's condition compares. Names are the components of
 * {@link Figures}, so a figure added there can be asserted without a change here.
 *
 * @param name      the figure, e.g. "exitAfterDeletionSeconds"
 * @param container for a per-container figure, whose entry; null for the others
 * @param numeric   whether the figure is a number (else text, e.g. podPhase)
 */
record FigureByName(String name, String container, boolean numeric) {

    /** The figure called {@code name} (and {@code container}'s entry of it, if per container), or why there is none. */
    static FigureByName of(String name, String container) {
        RecordComponent component = Arrays.stream(Figures.class.getRecordComponents())
                .filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown figure " + name + "; figures: "
                        + String.join(", ", Arrays.stream(Figures.class.getRecordComponents())
                        .map(RecordComponent::getName).toList())));
        boolean perContainer = Map.class.isAssignableFrom(component.getType());
        if (perContainer && container == null) {
            throw new IllegalArgumentException("figure " + name + " is per container: write " + name + ".<container>");
        }
        if (!perContainer && container != null) {
            throw new IllegalArgumentException("figure " + name + " is not per container: write it without ."
                    + container);
        }
        Class<?> type = perContainer
                ? (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1]
                : component.getType();
        return new FigureByName(name, container, Number.class.isAssignableFrom(type));
    }

    /** The figure's value in {@code figures}, or null when the run did not measure it. */
    Object in(Figures figures) {
        try {
            Object value = Figures.class.getMethod(name).invoke(figures);
            return container == null || value == null ? value : ((Map<?, ?>) value).get(container);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read figure " + name, e);
        }
    }

    /** As a clause writes it: {@code restarts.main}. */
    String label() {
        return container == null ? name : name + "." + container;
    }
}
