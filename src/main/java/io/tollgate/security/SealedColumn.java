package io.tollgate.security;

import java.util.regex.Pattern;

/**
 * A column that holds values sealed by {@link Sealing}, registered with {@link Resealing} so that they move to the
 * current key after a rotation: a BYTEA column of sealed bytes, or (see {@link #text}) a TEXT column whose sealed
 * values are a fixed prefix and the sealed bytes in base64, and whose other values are left alone. A feature registers its column with one producer field, for example
 * {@code @Produces static final SealedColumn SECRETS = new SealedColumn("ci_signing_secret", "id", "sealed",
 * "ci-signing-secret:", "team_id");}.
 *
 * @param table         the table
 * @param idColumn      its BIGINT primary key
 * @param column        the sealed column (NULL values are skipped)
 * @param contextPrefix the start of the context the values are sealed for
 * @param contextColumn the column whose value completes the context, as the feature builds it when it seals
 * @param textPrefix    for a TEXT column, the prefix that marks a sealed value; {@code null} for a BYTEA column
 */
public record SealedColumn(String table, String idColumn, String column, String contextPrefix, String contextColumn,
                           String textPrefix) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TEXT_PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,30}:");

    public SealedColumn {
        for (String name : new String[] {table, idColumn, column, contextColumn}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
            }
        }
        if (textPrefix != null && !TEXT_PREFIX.matcher(textPrefix).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case prefix ending in a colon: " + textPrefix);
        }
    }

    /** A BYTEA column of sealed values. */
    public SealedColumn(String table, String idColumn, String column, String contextPrefix, String contextColumn) {
        this(table, idColumn, column, contextPrefix, contextColumn, null);
    }

    /** A TEXT column whose sealed values are {@code textPrefix} followed by the sealed bytes in base64. */
    public static SealedColumn text(String table, String idColumn, String column, String textPrefix, String contextPrefix,
                                    String contextColumn) {
        return new SealedColumn(table, idColumn, column, contextPrefix, contextColumn, textPrefix);
    }

    boolean isText() {
        return textPrefix != null;
    }

    /** SQL for the sealed bytes of a row; for a TEXT column, only rows that hold a sealed value qualify. */
    String sealedBytesSql() {
        return isText() ? String.format("decode(substring(%s FROM %d), 'base64')", column, textPrefix.length() + 1) : column;
    }

    /** SQL that picks the rows holding a sealed value. */
    String holdsSealedSql() {
        return isText() ? String.format("left(%s, %d) = '%s'", column, textPrefix.length(), textPrefix) : column + " IS NOT NULL";
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
