package io.tollgate.web;

import io.tollgate.platform.FieldError;
import io.tollgate.platform.InvalidInputException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a form shows: the values typed in and, after a refused submission, the error of each field. */
public record FormState(Map<String, String> values, Map<String, String> errors) {

    public static FormState empty() {
        return new FormState(Map.of(), Map.of());
    }

    public static FormState of(Map<String, String> values) {
        return new FormState(values, Map.of());
    }

    /** The typed values with the errors of a refused submission. */
    public static FormState refused(Map<String, String> values, InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return new FormState(new HashMap<>(values), errors);
    }

    /** The submitted values, given as name, value, name, value...; absent values are left out. */
    public static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    /**
     * Whether a checkbox of a multi-valued field is ticked: as submitted once the form was sent (the values are kept
     * comma-separated), ticked by default on a fresh form.
     */
    public boolean ticked(String field, String option) {
        String value = values.get(field);
        return value == null || java.util.Arrays.asList(value.split(",")).contains(option);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** Every error as "field: message", for the summary above a refused form. */
    public java.util.List<String> problems() {
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether a select option or checkbox holds this value. */
    public boolean selected(String field, String option) {
        return option.equals(values.get(field));
    }
}
