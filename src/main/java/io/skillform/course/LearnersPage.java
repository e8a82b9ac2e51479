package io.skillform.course;

import io.skillform.catalog.CatalogException;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageResponses;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** Backs /dashboard/learners?id=…&page=…: a course's figures, its funnel in lesson order, and its learners, a page at a time. */
@Named
@ViewScoped
public class LearnersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One lesson of the funnel: how many learners completed it, and what share of the enrolled that is. */
    public record Step(String title, long completions, int percent) implements Serializable {
    }

    @Inject
    private transient Curricula curricula;

    @Inject
    private transient CourseInsight insight;

    @Inject
    private CurrentAccount me;

    private String id;
    private int page;
    private long productId;
    private CourseInsight.Figures figures;
    private List<Step> funnel;
    private List<CourseInsight.LearnerRow> learners;

    public void load() throws IOException {
        try {
            productId = Long.parseLong(id == null ? "" : id);
            curricula.course(me.requireId(), productId); // the creator's own, or a 404
        } catch (CatalogException | NumberFormatException e) {
            PageResponses.notFound();
            return;
        }
        figures = insight.figures(productId);
        Optional<PublishedCourse> course = curricula.latestRelease(productId).map(CourseRelease::course);
        funnel = course.map(c -> c.lessons().stream().map(lesson -> {
            long done = figures.funnel().getOrDefault(lesson.id(), 0L);
            return new Step(lesson.title(), done, figures.enrolled() == 0 ? 0 : (int) Math.min(100, done * 100 / figures.enrolled()));
        }).toList()).orElse(List.of());
        learners = insight.learners(productId, page);
    }

    public boolean isMore() {
        return learners.size() == CourseInsight.PAGE;
    }

    public CourseInsight.Figures getFigures() {
        return figures;
    }

    public List<Step> getFunnel() {
        return funnel;
    }

    public List<CourseInsight.LearnerRow> getLearners() {
        return learners;
    }

    public long getProductId() {
        return productId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
