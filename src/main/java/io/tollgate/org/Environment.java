package io.tollgate.org;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A stage of the promotion path (dev, staging, uat, prod). The list is data: admins may add or rename stages. */
@Entity
@Table(name = "environment")
public class Environment extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    /** Order along the promotion path, lowest first. */
    @Column(nullable = false)
    public int position;

    /** The production environment: promotion into it goes through the gate. */
    @Column(nullable = false)
    public boolean production;

    public static List<Environment> inPromotionOrder() {
        return list("order by position");
    }

    public static Optional<Environment> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }
}
