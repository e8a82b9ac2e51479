package io.skillform.api;

import io.skillform.course.Classroom;
import io.skillform.course.Enrolment;
import io.skillform.course.Enrolments;
import io.skillform.course.LessonAccess;
import io.skillform.course.LessonProgress;
import io.skillform.course.PublishedCourse;
import io.skillform.delivery.Library;
import io.skillform.platform.Ids;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's course over the API, for a player of the creator's own: the curriculum with this learner's state of each
 * lesson (done, open, locked — until when, or after which lesson) and their progress. A visitor (signed in, not enrolled)
 * sees the course as its product page does, with the free previews open. The lessons themselves are {@link
 * LibraryLessonsResource}'s.
 */
@Path("/v1/library/courses")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryCoursesResource {

    @Inject
    private LibraryViewers viewers;

    @Inject
    private Classroom classroom;

    @Inject
    private Enrolments enrolments;

    @GET
    @Path("{product_id}")
    public JsonObject course(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("product_id") String id) {
        Library.Viewer viewer = viewers.of(authorization);
        Classroom.Seat seat = Ids.parse(id).flatMap(productId -> classroom.seat(Optional.of(viewers.learner(viewer)), productId))
                .filter(s -> viewer.storeId() == null || viewer.storeId().equals(s.product().store().id()))
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No course " + id + ".")));
        Map<Long, LessonProgress> progress = seat.enrolment().map(e -> enrolments.progress(e.id())).orElse(Map.of());
        JsonArrayBuilder modules = Json.createArrayBuilder();
        for (PublishedCourse.Module module : seat.course().modules()) {
            JsonArrayBuilder lessons = Json.createArrayBuilder();
            for (PublishedCourse.Lesson lesson : module.lessons()) {
                Optional<LessonProgress> done = Optional.ofNullable(progress.get(lesson.id()));
                JsonObjectBuilder json = state(Json.createObjectBuilder().add("id", lesson.id()).add("title", lesson.title())
                                .add("duration_seconds", lesson.durationSeconds()).add("free_preview", lesson.freePreview())
                                .add("required", lesson.required()), seat.state(lesson.id()))
                        .add("position_seconds", done.map(LessonProgress::positionSeconds).orElse(0));
                lessons.add(Representation.time(json, "completed_at", done.flatMap(LessonProgress::completedAt).orElse(null)));
            }
            modules.add(Json.createObjectBuilder().add("id", module.id()).add("title", module.title()).add("lessons", lessons));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("product_id", seat.product().id())
                .add("title", seat.product().title())
                .add("version", seat.course().version())
                .add("enrolled", seat.isEnrolled())
                .add("lessons", seat.course().lessons().size())
                .add("completed_lessons", seat.doneCount());
        Representation.time(body, "completed_at", seat.enrolment().flatMap(Enrolment::completedAt).orElse(null));
        seat.resumeAt().ifPresent(lesson -> body.add("resume_lesson_id", lesson.id()));
        return body.add("modules", modules).build();
    }

    /** A lesson's state for the viewer, and when locked, why: the date it opens, or the lesson to complete first. */
    static JsonObjectBuilder state(JsonObjectBuilder json, LessonAccess.LessonState state) {
        json.add("state", state.state().name().toLowerCase(Locale.ROOT));
        state.opensAt().ifPresent(at -> json.add("opens_at", at.toString()));
        state.waitsFor().ifPresent(title -> json.add("waits_for", title));
        return json;
    }
}
