package io.tollgate.training;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.tollgate.org.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A person passed a lesson's quiz: the version they passed, the score and how many attempts it took. Only a
 * completion of the lesson's current major version counts; a new major version asks for the lesson again.
 */
@Entity
@Table(name = "lesson_completion")
public class LessonCompletion extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "lesson_id", nullable = false)
    public String lessonId;

    @Column(name = "lesson_version", nullable = false)
    public String lessonVersion;

    @Column(name = "lesson_major", nullable = false)
    public int lessonMajor;

    @Column(nullable = false)
    public int score;

    /** The number of the attempt that passed. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    /** Every completion of these people, of any version. */
    public static List<LessonCompletion> ofPeople(Collection<Long> personIds) {
        return personIds.isEmpty() ? List.of() : list("person.id in ?1", personIds);
    }

    public static Optional<LessonCompletion> find(Person person, String lessonId, int major) {
        return find("person = ?1 and lessonId = ?2 and lessonMajor = ?3", person, lessonId, major).firstResultOptional();
    }
}
