package org.coverageengine.adapter.csv;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds CSV rows to row records (component {@code nextReview} reads column {@code next_review}) and validates
 * them with Bean Validation, each violation a problem at that row's line and column.
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

    /** The snake_case column names a row record requires (optional ones read as empty when absent). */
    static List<String> columnsOf(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = snake(component.getName());
            if (!PackRows.OPTIONAL_COLUMNS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Binds every row of the table, without validating it. */
    static <R extends Record> List<Bound<R>> bind(CsvTable table, Class<R> type) {
        List<Bound<R>> bound = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            bound.add(new Bound<>(row, bind(row, type)));
        }
        return bound;
    }

    /** A bound record with the row it came from. */
    record Bound<R>(CsvTable.Row row, R value) {
    }

    static <R extends Record> R bind(CsvTable.Row row, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = row.get(snake(components[i].getName()));
            types[i] = components[i].getType();
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw row.error("", e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + type.getSimpleName(), e);
        }
    }

    /**
     * The row's violations of its record's constraints, one per column, in column order; when a cell breaks two
     * constraints, "required" is the one reported.
     */
    static <R> List<ImportProblem> violations(Bound<R> bound) {
        CsvTable.Row row = bound.row();
        Map<String, ConstraintViolation<R>> byColumn = new TreeMap<>(Comparator.comparingInt(row::column));
        for (ConstraintViolation<R> violation : Validators.VALIDATOR.validate(bound.value())) {
            String column = snake(violation.getPropertyPath().toString());
            byColumn.merge(column, violation, (a, b) -> isRequired(b) && !isRequired(a) ? b : a);
        }
        List<ImportProblem> problems = new ArrayList<>(byColumn.size());
        byColumn.forEach((column, violation) -> problems.add(new ImportProblem(row.file(), row.line(), row.column(column),
                column + ": " + violation.getMessage() + " (was '" + Quoted.prefix(String.valueOf(violation.getInvalidValue())) + "')")));
        return problems;
    }

    private static boolean isRequired(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType() == NotBlank.class;
    }

    static String snake(String camel) {
        if (camel.equals("caseName")) {
            // tests.csv names its column "case", a word Java keeps for itself.
            return "case";
        }
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
