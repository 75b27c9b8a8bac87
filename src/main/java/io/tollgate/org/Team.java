package io.tollgate.org;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "team")
public class Team extends PanacheEntity {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Team> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Team> pageAll(Page page) {
        return find("order by name, id").page(page).list();
    }

    public static List<Team> pageForMember(long personId, Page page) {
        return find("from Team t where exists (from Membership m where m.team = t and m.person.id = ?1) order by t.name, t.id",
                personId).page(page).list();
    }

    public static long countForMember(long personId) {
        return count("from Team t where exists (from Membership m where m.team = t and m.person.id = ?1)", personId);
    }
}
