package io.tollgate.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Moves stored sealed values to the current key after a rotation of the session secret, at start-up and every
 * {@code tollgate.security.reseal-every}. Each registered {@link SealedColumn} is read in batches of the rows that do
 * not start with the current format and key id; each value is opened under whichever key of the ring sealed it and
 * sealed again, and written only where the row still holds what was read, so that instances running at once, or a
 * change made meanwhile, lose nothing. Values that no key of the ring opens stay as they are and are counted.
 */
@ApplicationScoped
public class Resealing {

    private static final Logger LOG = Logger.getLogger(Resealing.class);
    private static final int BATCH = 100;

    private final Sealing sealing;
    private final AgroalDataSource dataSource;
    private final List<SealedColumn> columns;

    Resealing(Sealing sealing, AgroalDataSource dataSource, @All List<SealedColumn> columns) {
        this.sealing = sealing;
        this.dataSource = dataSource;
        this.columns = List.copyOf(columns);
    }

    /** What one run did: values moved to the current key, and values that no key of the ring opens. */
    public record Outcome(int resealed, int unreadable) {
    }

    void atStartup(@Observes StartupEvent event) {
        runLogged();
    }

    @Scheduled(every = "${tollgate.security.reseal-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        runLogged();
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Re-sealing stored values under the current key failed; the next run tries again", e);
        }
    }

    /** Re-seals every registered column's values that are not yet under the current key. */
    public Outcome run() {
        int resealed = 0;
        int unreadable = 0;
        for (SealedColumn column : columns) {
            Outcome outcome = reseal(column);
            if (outcome.resealed() > 0) {
                LOG.infof("Re-sealed %d values of %s under the current key", outcome.resealed(), column);
            }
            if (outcome.unreadable() > 0) {
                LOG.warnf("%d values of %s open under no key of the ring (sealed under a secret that is no longer in %s);"
                        + " they stay as they are and cannot be used", outcome.unreadable(), column, KeyRing.PREVIOUS_SETTING);
            }
            resealed += outcome.resealed();
            unreadable += outcome.unreadable();
        }
        return new Outcome(resealed, unreadable);
    }

    private Outcome reseal(SealedColumn column) {
        String select = String.format("SELECT %1$s, %2$s, %3$s FROM %4$s WHERE %7$s AND %1$s > ?"
                        + " AND substring(%8$s FROM 1 FOR %5$d) IS DISTINCT FROM ? ORDER BY %1$s LIMIT %6$d",
                column.idColumn(), column.column(), column.contextColumn(), column.table(), Sealing.HEADER_BYTES, BATCH,
                column.holdsSealedSql(), column.sealedBytesSql());
        String update = String.format("UPDATE %1$s SET %2$s = ? WHERE %3$s = ? AND %2$s = ?",
                column.table(), column.column(), column.idColumn());
        int resealed = 0;
        int unreadable = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement rows = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(update)) {
            long after = Long.MIN_VALUE;
            int read;
            do {
                rows.setLong(1, after);
                rows.setBytes(2, sealing.currentHeader());
                read = 0;
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        read++;
                        after = row.getLong(1);
                        Object stored = row.getObject(2);
                        String context = column.context(row.getString(3));
                        Optional<byte[]> plain = sealing.open(bytesOf(column, stored), context);
                        if (plain.isEmpty()) {
                            unreadable++;
                            continue;
                        }
                        write.setObject(1, storedForm(column, sealing.seal(plain.get(), context)));
                        Arrays.fill(plain.get(), (byte) 0);
                        write.setLong(2, after);
                        write.setObject(3, stored);
                        resealed += write.executeUpdate();
                    }
                }
            } while (read == BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-seal " + column, e);
        }
        return new Outcome(resealed, unreadable);
    }

    private static byte[] bytesOf(SealedColumn column, Object stored) {
        return column.isText() ? Base64.getDecoder().decode(((String) stored).substring(column.textPrefix().length()))
                : (byte[]) stored;
    }

    private static Object storedForm(SealedColumn column, byte[] sealed) {
        return column.isText() ? column.textPrefix() + Base64.getEncoder().encodeToString(sealed) : sealed;
    }
}
