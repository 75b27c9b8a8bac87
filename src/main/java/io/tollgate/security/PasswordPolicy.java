package io.tollgate.security;

import io.tollgate.org.Person;
import jakarta.enterprise.context.ApplicationScoped;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: between the configured lengths (every character counts), and hard to guess as
 * nbvcxz estimates it with its own dictionaries of common passwords, names and words, keyboard patterns, dates and
 * repeats, plus the person's own e-mail address and name.
 */
@ApplicationScoped
public class PasswordPolicy {

    private final SecurityConfig config;

    PasswordPolicy(SecurityConfig config) {
        this.config = config;
    }

    /** Why the password is refused for this person, if it is. */
    public Optional<String> problem(String password, Person person) {
        if (password == null || password.codePointCount(0, password.length()) < config.minPasswordLength()) {
            return Optional.of("Choose a password of at least " + config.minPasswordLength() + " characters.");
        }
        if (password.codePointCount(0, password.length()) > config.maxPasswordLength()) {
            return Optional.of("Choose a password of at most " + config.maxPasswordLength() + " characters.");
        }
        Result result = estimator(person).estimate(password);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        String warning = result.getFeedback().getWarning();
        return Optional.of("This password is too easy to guess"
                + (warning == null || warning.isBlank() ? "" : ": " + warning.strip().replaceAll("\\.$", ""))
                + ". A few unrelated words, not your name or e-mail address, make a good one.");
    }

    private Nbvcxz estimator(Person person) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(new DictionaryBuilder().setDictionaryName("person").setExclusion(true)
                .addWords(personalWords(person), 0).createDictionary());
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setLocale(Locale.ENGLISH)
                .createConfiguration());
    }

    /** The e-mail address, its parts and the words of the name, which a guesser who knows the person tries first. */
    private static Set<String> personalWords(Person person) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : new String[] {person.email, person.displayName}) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            words.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}
