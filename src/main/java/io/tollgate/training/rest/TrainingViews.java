package io.tollgate.training.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tollgate.org.TeamRole;
import io.tollgate.training.Assignment;
import io.tollgate.training.catalog.Curriculum;
import io.tollgate.training.catalog.Lesson;
import io.tollgate.training.catalog.Question;
import io.tollgate.training.service.ItemProgress;
import io.tollgate.training.service.LearnerPlan;
import io.tollgate.training.service.ProgressService.MemberProgress;
import io.tollgate.training.service.ProgressService.OverdueItem;
import io.tollgate.training.service.ProgressService.TeamProgress;
import io.tollgate.training.service.ProgressService.TeamSummary;
import io.tollgate.training.service.QuizReview;
import io.tollgate.training.service.TrainingFigure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of the training API. A quiz goes out as questions and options only: which options are correct,
 * and why, is sent only in the review of an answered attempt, as far as that attempt has earned it.
 */
public final class TrainingViews {

    private TrainingViews() {
    }

    /** A lesson as lists show it. */
    public record LessonSummaryView(String id, String title, String track, int minutes, String version, String summary,
                                    List<String> tags, int questions, String href) {
        static LessonSummaryView of(Lesson l) {
            return new LessonSummaryView(l.id(), l.title(), l.track().id(), l.minutes(), l.version().toString(),
                    l.summary(), l.tags(), l.quiz().size(), l.path());
        }
    }

    /** A lesson with its body as HTML (raw HTML of the source escaped) and its quiz without the answers. */
    public record LessonView(String id, String title, String track, int minutes, String version, String summary,
                             List<String> tags, String html, int passMark, List<QuestionView> quiz) {
        static LessonView of(Lesson l, int passMark) {
            return new LessonView(l.id(), l.title(), l.track().id(), l.minutes(), l.version().toString(), l.summary(),
                    l.tags(), l.body().html(), passMark, l.quiz().stream().map(QuestionView::of).toList());
        }
    }

    /** A question as the learner sees it before answering; {@code multiple}: select all that apply. */
    public record QuestionView(int number, String text, boolean multiple, List<OptionView> options) {
        static QuestionView of(Question q) {
            return new QuestionView(q.number(), q.text(), q.multiple(),
                    q.options().stream().map(o -> new OptionView(o.number(), o.text())).toList());
        }
    }

    /** An answer option, numbered from 1 as the quiz submission refers to it. */
    public record OptionView(int number, String text) {
    }

    /** Where a weakness is taught: its classification and the lesson. */
    public record LookupView(String owaspCategory, String sasId, String practice, LessonSummaryView lesson) {
    }

    /** A curriculum with its lessons in order. */
    public record CurriculumView(String id, String title, String description, boolean required, int dueDays,
                                 int minutes, List<LessonSummaryView> lessons, String href) {
        static CurriculumView of(Curriculum c) {
            return new CurriculumView(c.id(), c.title(), c.description(), c.required(), c.dueDays(), c.minutes(),
                    c.lessons().stream().map(LessonSummaryView::of).toList(), c.path());
        }
    }

    /** An assignment; {@code origin} is the team assignment a joiner's copy comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssignmentView(long id, String curriculum, String lesson, String team, Long personId, String person,
                                 LocalDate dueOn, boolean mandatory, Long origin, String assignedBy, Instant assignedAt) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id, a.curriculumId, a.lessonId, a.team == null ? null : a.team.slug,
                    a.person == null ? null : a.person.id, a.person == null ? null : a.person.email, a.dueOn,
                    a.mandatory, a.origin == null ? null : a.origin.id, a.assignedBy, a.assignedAt);
        }
    }

    /**
     * A graded attempt. Per question: whether it was right, the options picked, and the options whose correctness
     * and explanation the attempt has revealed.
     */
    public record AttemptView(long id, String lesson, String version, int attempt, int correct, int total, int score,
                              boolean passed, int passMark, Instant submittedAt, boolean currentVersion,
                              List<QuestionReviewView> questions) {
        static AttemptView of(QuizReview review, int passMark) {
            var a = review.attempt();
            return new AttemptView(a.id, a.lessonId, a.lessonVersion, a.attemptNumber, a.correct, a.total, a.score,
                    a.passed, passMark, a.submittedAt, review.current(),
                    review.questions().stream().map(QuestionReviewView::of).toList());
        }
    }

    /** One question of a graded attempt: right or not, the options picked, and what the attempt revealed. */
    public record QuestionReviewView(int number, boolean right, List<Integer> picked, List<RevealedOptionView> revealed) {
        static QuestionReviewView of(QuizReview.QuestionReview q) {
            return new QuestionReviewView(q.number(), q.right(),
                    q.options().stream().filter(QuizReview.OptionReview::picked).map(QuizReview.OptionReview::number).toList(),
                    q.options().stream().filter(QuizReview.OptionReview::revealed)
                            .map(o -> new RevealedOptionView(o.number(), o.correct(), o.explanation())).toList());
        }
    }

    /** An option the attempt has revealed; {@code correct} is left out where only the explanation is shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevealedOptionView(int number, Boolean correct, String explanation) {
    }

    /** One assigned curriculum or lesson with the person's progress. */
    public record ItemView(String kind, String id, String title, String href, LocalDate dueOn, boolean mandatory,
                           List<String> reasons, int completed, int total, int percent, String status,
                           String nextLesson, Instant completedAt) {
        static ItemView of(ItemProgress i) {
            return new ItemView(i.item().kind().name(), i.item().id(), i.item().title(), i.item().path(), i.dueOn(),
                    i.mandatory(), i.reasons(), i.completed(), i.total(), i.percent(), i.status().name(),
                    i.next() == null ? null : i.next().id(), i.completedAt());
        }
    }

    /** A person's plan; {@code resume} is the lesson to open next. */
    public record PlanView(long personId, String email, String displayName, List<ItemView> items, String resume) {
        static PlanView of(LearnerPlan p) {
            return new PlanView(p.person().id, p.person().email, p.person().displayName,
                    p.items().stream().map(ItemView::of).toList(),
                    p.resume().map(i -> i.next().path()).orElse(null));
        }
    }

    /** A team's line in completion by team. */
    public record TeamSummaryView(String team, String name, TrainingFigure figure, long overdue) {
        static TeamSummaryView of(TeamSummary s) {
            return new TeamSummaryView(s.team().slug, s.team().name, s.figure(), s.overdue());
        }
    }

    /** A member's line in completion by person; {@code requiredCompletion} as counted in the figure. */
    public record MemberProgressView(long personId, String email, String displayName, TeamRole role,
                                     Double requiredCompletion, long overdue, List<ItemView> items) {
        static MemberProgressView of(MemberProgress m) {
            return new MemberProgressView(m.membership().person.id, m.membership().person.email,
                    m.membership().person.displayName, m.membership().role, m.requiredCompletion(),
                    m.plan().overdueCount(), m.plan().items().stream().map(ItemView::of).toList());
        }
    }

    /** Completion by person in one team, with its training figure. */
    public record TeamProgressView(String team, String name, TrainingFigure figure, List<MemberProgressView> members) {
        static TeamProgressView of(TeamProgress t) {
            return new TeamProgressView(t.team().slug, t.team().name, t.figure(),
                    t.members().stream().map(MemberProgressView::of).toList());
        }
    }

    /** An assignment someone has not finished by its due date. */
    public record OverdueView(long personId, String email, String displayName, ItemView item) {
        static OverdueView of(OverdueItem o) {
            return new OverdueView(o.person().id, o.person().email, o.person().displayName, ItemView.of(o.item()));
        }
    }
}
