package org.coverageengine.adapter.csv;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds CSV rows to row records (component {@code nextReview} reads column {@code next_review}) and validates
 * them with Bean Validation, turning the first violation into an error at that row's line and column.
 */
final class RowBinding {

    /** Built on first use: Hibernate Validator's bootstrap costs a few hundred milliseconds. */
    private static final class Validators {
        static final Validator VALIDATOR;

        static {
            ValidatorFactory factory = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
            VALIDATOR = factory.getValidator();
        }

        private Validators() {
        }
    }

    /** Builds the validator now (for a background warm-up). */
    static void warmUp() {
        Validators.VALIDATOR.getConstraintsForClass(PackRows.PackRow.class);
    }

    private RowBinding() {
    }

    /** The snake_case column names a row record reads. */
    static List<String> columnsOf(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(snake(component.getName()));
        }
        return names;
    }

    /** Binds and validates every row of the table. */
    static <R extends Record> List<Bound<R>> bind(CsvTable table, Class<R> type, boolean validate) {
        List<Bound<R>> bound = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            bound.add(new Bound<>(row, bind(row, type, validate)));
        }
        return bound;
    }

    /** A bound record with the row it came from. */
    record Bound<R>(CsvTable.Row row, R value) {
    }

    static <R extends Record> R bind(CsvTable.Row row, Class<R> type, boolean validate) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = row.get(snake(components[i].getName()));
            types[i] = components[i].getType();
        }
        R value;
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            value = constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw row.error("", e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + type.getSimpleName(), e);
        }
        if (!validate) {
            return value;
        }
        Set<ConstraintViolation<R>> violations = Validators.VALIDATOR.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<R> first = violations.stream()
                    .min(Comparator.comparingInt(v -> row.column(snake(v.getPropertyPath().toString())))).orElseThrow();
            String column = snake(first.getPropertyPath().toString());
            throw row.error(column, column + ": " + first.getMessage() + " (was '" + first.getInvalidValue() + "')");
        }
        return value;
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
