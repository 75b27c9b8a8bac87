package io.tollgate.training.web;

import io.tollgate.platform.InvalidInputException;
import io.tollgate.web.FormState;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quiz form: one field per question, {@code answers.q1}, {@code answers.q2}, ..., holding the picked option
 * numbers (one radio button or several checkboxes), and the lesson version. Refused answers come back with the
 * learner's picks and an error under each question.
 */
public record QuizForm(Map<String, List<Integer>> answers, FormState state) {

    static final String PREFIX = "answers.";

    public static QuizForm empty() {
        return new QuizForm(Map.of(), FormState.empty());
    }

    /** Reads the submitted fields; a value that is not an option number is refused for its question. */
    static QuizForm read(MultivaluedMap<String, String> form) {
        Map<String, List<Integer>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith(PREFIX)) {
                continue;
            }
            List<Integer> options = new ArrayList<>();
            for (String value : field.getValue()) {
                if (!value.strip().matches("\\d{1,2}")) {
                    throw new InvalidInputException(field.getKey(), "pick one of the options");
                }
                options.add(Integer.valueOf(value.strip()));
            }
            answers.put(field.getKey().substring(PREFIX.length()), options);
        }
        return new QuizForm(answers, FormState.empty());
    }

    /** The same picks with the errors of a refused submission. */
    QuizForm refused(InvalidInputException e) {
        return new QuizForm(answers, FormState.refused(Map.of(), e));
    }

    public boolean checked(int question, int option) {
        return answers.getOrDefault("q" + question, List.of()).contains(option);
    }

    public String field(int question) {
        return PREFIX + "q" + question;
    }
}
