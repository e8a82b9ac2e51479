package io.skillform.api;

import io.skillform.catalog.CatalogException;
import io.skillform.course.Course;
import io.skillform.course.CourseLesson;
import io.skillform.course.CourseModule;
import io.skillform.course.Curricula;
import io.skillform.course.LessonBlock;
import io.skillform.course.LessonSettings;
import io.skillform.course.block.BlockException;
import io.skillform.platform.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the creator API's course endpoints share: the creator's course, module, lesson and block named by an address
 * (one of another product, or another creator's, is 404), their JSON, and the course's refusals as problems.
 */
@RequestScoped
public class CourseDrafts {

    @Inject
    private Creator creator;

    @Inject
    private Curricula curricula;

    long owner() {
        creator.store();
        return creator.id();
    }

    Course course(String productId) {
        long product = Ids.parse(productId).orElseThrow(() -> notFound("No course " + productId + "."));
        return refusing(() -> curricula.course(owner(), product));
    }

    CourseModule module(String productId, String moduleId) {
        Course course = course(productId);
        long id = Ids.parse(moduleId).orElseThrow(() -> notFound("No module " + moduleId + " in this course."));
        CourseModule module = refusing(() -> curricula.module(owner(), id));
        if (module.course().productId() != course.productId()) {
            throw notFound("No module " + moduleId + " in this course.");
        }
        return module;
    }

    CourseLesson lesson(String productId, String moduleId, String lessonId) {
        CourseModule module = module(productId, moduleId);
        long id = Ids.parse(lessonId).orElseThrow(() -> notFound("No lesson " + lessonId + " in this module."));
        CourseLesson lesson = refusing(() -> curricula.lesson(owner(), id));
        if (!lesson.module().id().equals(module.id())) {
            throw notFound("No lesson " + lessonId + " in this module.");
        }
        return lesson;
    }

    LessonBlock block(String productId, String moduleId, String lessonId, String blockId) {
        CourseLesson lesson = lesson(productId, moduleId, lessonId);
        long id = Ids.parse(blockId).orElseThrow(() -> notFound("No block " + blockId + " in this lesson."));
        LessonBlock block = refusing(() -> curricula.block(owner(), id));
        if (!block.lesson().id().equals(lesson.id())) {
            throw notFound("No block " + blockId + " in this lesson.");
        }
        return block;
    }

    /** Runs a course use case: not found → 404, a block's refused content → 400 at its field, a broken rule → 409. */
    static <T> T refusing(Supplier<T> action) {
        try {
            return action.get();
        } catch (CatalogException.NotFound e) {
            throw notFound(e.getMessage() == null ? "Not found." : e.getMessage() + ".");
        } catch (BlockException e) {
            throw new ApiException(Problem.invalid("content." + e.field(), e.getMessage()));
        } catch (CatalogException | IllegalArgumentException e) {
            throw new ApiException(Problem.response(Response.Status.CONFLICT, e.getMessage() + "."));
        }
    }

    static ApiException notFound(String detail) {
        return new ApiException(Problem.response(Response.Status.NOT_FOUND, detail));
    }

    static JsonObjectBuilder module(CourseModule module, int position) {
        JsonArrayBuilder lessons = Json.createArrayBuilder();
        for (int i = 0; i < module.lessons().size(); i++) {
            lessons.add(lesson(module.lessons().get(i), i, false));
        }
        return Json.createObjectBuilder().add("id", module.id()).add("title", module.title()).add("position", position)
                .add("lessons", lessons);
    }

    /** A lesson with its settings; with its blocks (their stored content: the creator's own) when {@code blocks}. */
    static JsonObjectBuilder lesson(CourseLesson lesson, int position, boolean blocks) {
        LessonSettings settings = lesson.settings();
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", lesson.id()).add("module_id", lesson.module().id())
                .add("title", settings.title()).add("position", position).add("free_preview", settings.freePreview())
                .add("required", settings.required())
                .add("prerequisite", settings.prerequisite().name().toLowerCase(Locale.ROOT));
        settings.dripDays().ifPresentOrElse(days -> json.add("drip_days", days), () -> json.addNull("drip_days"));
        settings.dripOn().ifPresentOrElse(date -> json.add("drip_on", date.toString()), () -> json.addNull("drip_on"));
        settings.prerequisiteLessonId().ifPresentOrElse(id -> json.add("prerequisite_lesson_id", id),
                () -> json.addNull("prerequisite_lesson_id"));
        json.add("block_count", lesson.blocks().size());
        if (blocks) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (int i = 0; i < lesson.blocks().size(); i++) {
                list.add(block(lesson.blocks().get(i), i));
            }
            json.add("blocks", list);
        }
        return json;
    }

    static JsonObjectBuilder block(LessonBlock block, int position) {
        return Json.createObjectBuilder().add("id", block.id()).add("type", block.type()).add("position", position)
                .add("content", block.content());
    }
}
