package io.skillform.api;

import io.skillform.course.Classroom;
import io.skillform.course.Enrolments;
import io.skillform.course.LearnerException;
import io.skillform.course.LessonAccess;
import io.skillform.course.LessonProgress;
import io.skillform.course.PublishedCourse;
import io.skillform.delivery.DeliveryException;
import io.skillform.delivery.Library;
import io.skillform.platform.Ids;
import io.skillform.platform.Site;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A lesson over the API: its blocks as the learner may see them — media with short-lived signed URLs — or, while it is
 * locked, 403 with the reason (never its content, media or files); the learner's progress in it, written idempotently;
 * fresh links to its files.
 */
@Path("/v1/library/lessons")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryLessonsResource {

    /** A position beyond a day's video is a client's mistake. */
    private static final long MAX_POSITION = 24 * 3600;

    @Inject
    private LibraryViewers viewers;

    @Inject
    private Classroom classroom;

    @Inject
    private Enrolments enrolments;

    @Inject
    private Site site;

    /** The seat and lesson the address names, for this viewer: a lesson of no course of theirs (or on sale) is a 404. */
    private record Opened(Classroom.Seat seat, PublishedCourse.Lesson lesson) {
    }

    @GET
    @Path("{lesson_id}")
    public JsonObject lesson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("lesson_id") String id) {
        Opened opened = open(authorization, id);
        PublishedCourse.Lesson lesson = opened.lesson();
        JsonArrayBuilder blocks = Json.createArrayBuilder();
        refusing(opened, () -> {
            classroom.opened(opened.seat(), lesson);
            classroom.blocks(opened.seat(), lesson).forEach(block -> blocks.add(Json.createObjectBuilder().add("id", block.id())
                    .add("type", block.type()).add("content", withUrls(block.view()))));
            return null;
        });
        JsonObjectBuilder body = LibraryCoursesResource.state(Json.createObjectBuilder().add("id", lesson.id())
                .add("course_id", opened.seat().product().id()).add("title", lesson.title()), opened.seat().state(lesson.id()));
        body.add("position_seconds", classroom.position(opened.seat(), lesson.id()));
        opened.seat().course().neighbour(lesson.id(), -1).ifPresent(l -> body.add("previous_lesson_id", l.id()));
        opened.seat().course().neighbour(lesson.id(), 1).ifPresent(l -> body.add("next_lesson_id", l.id()));
        return body.add("blocks", blocks).build();
    }

    /**
     * Records progress: {@code completed} (true only: a completed lesson stays completed) and where the learner is in the
     * lesson's video. Repeating a request changes nothing more: the first completion's time is kept.
     */
    @PUT
    @Path("{lesson_id}/progress")
    @Consumes(MediaType.WILDCARD)
    public JsonObject progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("lesson_id") String id, String body) {
        Opened opened = open(authorization, id);
        JsonBody json = JsonBody.parse(body, "{\"completed\"?: true, \"position_seconds\"?: 0}");
        Optional<Boolean> completed = json.bool("completed");
        Optional<Long> position = json.number("position_seconds", 0, MAX_POSITION, "must be a whole number of seconds, from 0 to " + MAX_POSITION);
        if (completed.isPresent() && !completed.get()) {
            throw new ApiException(Problem.invalid("completed", "can only be true: a completed lesson stays completed"));
        }
        if (completed.isEmpty() && position.isEmpty()) {
            throw new ApiException(Problem.invalid("body", "must have completed or position_seconds"));
        }
        boolean courseCompleted = refusing(opened, () -> {
            position.ifPresent(seconds -> classroom.position(opened.seat(), opened.lesson(), seconds.intValue()));
            return completed.isPresent() && classroom.complete(opened.seat(), opened.lesson());
        });
        long enrolmentId = opened.seat().enrolment().orElseThrow().id();
        Optional<LessonProgress> now = enrolments.progress(enrolmentId, opened.lesson().id());
        JsonObjectBuilder answer = Json.createObjectBuilder().add("lesson_id", opened.lesson().id())
                .add("position_seconds", now.map(LessonProgress::positionSeconds).orElse(0))
                .add("course_completed", courseCompleted);
        return Representation.time(answer, "completed_at", now.flatMap(LessonProgress::completedAt).orElse(null)).build();
    }

    /** A fresh link to one of the lesson's files, drawing on the purchase's downloads of it (shared by all its links). */
    @POST
    @Path("{lesson_id}/files/{file_id}/links")
    @Consumes(MediaType.WILDCARD)
    public Response link(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("lesson_id") String id,
                         @PathParam("file_id") String fileId) {
        Opened opened = open(authorization, id);
        long file = Ids.parse(fileId).orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND,
                "This lesson has no file " + fileId + ".")));
        Library.IssuedLink link;
        try {
            link = refusing(opened, () -> classroom.download(opened.seat(), opened.lesson(), file));
        } catch (DeliveryException.Revoked | DeliveryException.UsedUp gone) {
            throw new ApiException(Problem.response(Response.Status.GONE, gone.getMessage()));
        } catch (DeliveryException missing) {
            throw new ApiException(Problem.response(Response.Status.NOT_FOUND, missing.getMessage()));
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("url", link.url()).add("expires_at", link.expiresAt().toString())
                        .add("downloads_left", link.downloadsLeft()).build())
                .build();
    }

    private Opened open(String authorization, String id) {
        Library.Viewer viewer = viewers.of(authorization);
        Optional<Long> lessonId = Ids.parse(id);
        return lessonId.flatMap(lesson -> classroom.seatOfLesson(Optional.of(viewers.learner(viewer)), lesson))
                .filter(seat -> viewer.storeId() == null || viewer.storeId().equals(seat.product().store().id()))
                .map(seat -> new Opened(seat, seat.course().lesson(lessonId.get()).orElseThrow()))
                .orElseThrow(() -> new ApiException(Problem.response(Response.Status.NOT_FOUND, "No lesson " + id + " in your courses.")));
    }

    /** A refusal of the course's rules as 403 with its reason (and, for a dripped lesson, when it opens), or 404. */
    private static <T> T refusing(Opened opened, Supplier<T> use) {
        try {
            return use.get();
        } catch (LearnerException refused) {
            if (refused.reason() == LearnerException.Reason.NOT_FOUND) {
                throw new ApiException(Problem.response(Response.Status.NOT_FOUND, refused.getMessage()));
            }
            LessonAccess.LessonState state = opened.seat().state(opened.lesson().id());
            String detail = refused.reason() == LearnerException.Reason.NOT_ENROLLED ? refused.getMessage()
                    : state.opensAt().map(at -> "This lesson opens at " + at + ".")
                    .or(() -> state.waitsFor().map(title -> "This lesson opens once “" + title + "” is completed."))
                    .orElse(refused.getMessage());
            JsonObjectBuilder body = Json.createObjectBuilder().add("type", "about:blank").add("title", "Forbidden").add("status", 403)
                    .add("detail", detail).add("reason", refused.reason().name().toLowerCase(Locale.ROOT));
            state.opensAt().ifPresent(at -> body.add("opens_at", at.toString()));
            state.waitsFor().ifPresent(title -> body.add("waits_for", title));
            throw new ApiException(Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA_TYPE).entity(body.build().toString()).build());
        }
    }

    /** A block's view with each media file's address made absolute, for a page on another origin. */
    private JsonObject withUrls(JsonObject view) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : view.entrySet()) {
            if (field.getValue() instanceof JsonObject file && file.containsKey("path")) {
                JsonObjectBuilder media = Json.createObjectBuilder(file).remove("path").add("url", site.url(file.getString("path")));
                out.add(field.getKey(), media);
            } else {
                out.add(field.getKey(), field.getValue());
            }
        }
        return out.build();
    }
}
