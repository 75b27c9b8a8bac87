package io.tollgate.security;

import java.util.regex.Pattern;

/**
 * A BYTEA column that holds values sealed by {@link Sealing}, registered with {@link Resealing} so that they move to
 * the current key after a rotation. A feature registers its column with one producer field, for example
 * {@code @Produces static final SealedColumn SECRETS = new SealedColumn("ci_signing_secret", "id", "sealed",
 * "ci-signing-secret:", "team_id");}.
 *
 * @param table         the table
 * @param idColumn      its BIGINT primary key
 * @param column        the sealed column (NULL values are skipped)
 * @param contextPrefix the start of the context the values are sealed for
 * @param contextColumn the column whose value completes the context, as the feature builds it when it seals
 */
public record SealedColumn(String table, String idColumn, String column, String contextPrefix, String contextColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SealedColumn {
        for (String name : new String[] {table, idColumn, column, contextColumn}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
            }
        }
    }

    /** The context of one row, from the value of its {@link #contextColumn()}. */
    String context(String contextValue) {
        return contextPrefix + contextValue;
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
