package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.CatalogException;
import io.skillform.catalog.Product;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.event.ReorderEvent;

/**
 * Backs /dashboard/course?id=…: the course's modules and lessons, in order — renamed, added, dragged into place,
 * deleted — its completion rule, and "Publish changes", which gives learners the draft as it is.
 */
@Named
@ViewScoped
public class CourseEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Curricula curricula;

    @Inject
    private transient Catalog catalog;

    @Inject
    private CurrentAccount me;

    private String id;
    private Product product;
    private Course course;
    private Optional<CourseRelease> release = Optional.empty();
    private final Map<Long, String> moduleTitles = new HashMap<>();
    private final Map<Long, String> newLessons = new HashMap<>();
    private String newModule;
    private CompletionRule completionRule;
    private boolean certificate;

    /** View action: another creator's course, or a product that is not one, answers 404. */
    public void load() throws IOException {
        try {
            long productId = Long.parseLong(id == null ? "" : id);
            product = catalog.ownedProduct(me.requireId(), productId);
            refresh();
        } catch (CatalogException | NumberFormatException e) {
            PageResponses.notFound();
        }
    }

    private void refresh() {
        course = curricula.course(me.requireId(), product.id());
        release = curricula.latestRelease(product.id());
        completionRule = course.completionRule();
        certificate = course.certificate();
        moduleTitles.clear();
        course.modules().forEach(m -> moduleTitles.put(m.id(), m.title()));
    }

    public String addModule() {
        return change(() -> curricula.addModule(me.requireId(), product.id(), newModule), "course.moduleAdded");
    }

    public String renameModule(long moduleId) {
        return change(() -> curricula.renameModule(me.requireId(), moduleId, moduleTitles.get(moduleId)), "course.moduleRenamed");
    }

    public String moveModule(long moduleId, int index) {
        return change(() -> curricula.moveModule(me.requireId(), moduleId, index), "course.moved");
    }

    public String removeModule(long moduleId) {
        return change(() -> curricula.removeModule(me.requireId(), moduleId), "course.moduleRemoved");
    }

    public String addLesson(long moduleId) {
        return change(() -> curricula.addLesson(me.requireId(), moduleId, newLessons.get(moduleId)), "course.lessonAdded");
    }

    /** A lesson dragged to another row of its module's table (PrimeFaces' row reorder, by ajax). */
    public void reorder(ReorderEvent event) {
        long moduleId = (Long) event.getComponent().getAttributes().get("moduleId");
        List<CourseLesson> lessons = course.modules().stream().filter(m -> m.id() == moduleId).findFirst()
                .map(CourseModule::lessons).orElse(List.of());
        if (event.getFromIndex() < lessons.size()) {
            attempt(() -> curricula.moveLesson(me.requireId(), lessons.get(event.getFromIndex()).id(), moduleId, event.getToIndex()),
                    "course.moved");
            refresh();
        }
    }

    /** A module's lessons for its table: a list of the table's own, which PrimeFaces reorders itself on a drag. */
    public List<CourseLesson> lessonsOf(CourseModule module) {
        return new ArrayList<>(module.lessons());
    }

    public String saveSettings() {
        return change(() -> curricula.settle(me.requireId(), product.id(), completionRule, certificate), "course.settingsSaved");
    }

    public String publish() {
        return change(() -> curricula.publish(me.requireId(), product.id()), "course.published");
    }

    /** A change that worked reloads the page at its address, with its message; one that did not says why. */
    private String change(Runnable action, String successKey) {
        return attempt(action, successKey) ? PageResponses.reloadPage() : null;
    }

    private static boolean attempt(Runnable action, String successKey) {
        try {
            action.run();
            PageMessages.info(successKey);
            return true;
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
            return false;
        }
    }

    /** Whether learners see something older than the draft. */
    public boolean isUnpublished() {
        return release.map(r -> r.publishedAt().isBefore(course.draftChangedAt())).orElse(true);
    }

    public Optional<CourseRelease> getRelease() {
        return release;
    }

    public Product getProduct() {
        return product;
    }

    public Course getCourse() {
        return course;
    }

    public CompletionRule[] getCompletionRules() {
        return CompletionRule.values();
    }

    public CompletionRule getCompletionRule() {
        return completionRule;
    }

    public void setCompletionRule(CompletionRule completionRule) {
        this.completionRule = completionRule;
    }

    public boolean isCertificate() {
        return certificate;
    }

    public void setCertificate(boolean certificate) {
        this.certificate = certificate;
    }

    public Map<Long, String> getModuleTitles() {
        return moduleTitles;
    }

    public Map<Long, String> getNewLessons() {
        return newLessons;
    }

    public String getNewModule() {
        return newModule;
    }

    public void setNewModule(String newModule) {
        this.newModule = newModule;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
