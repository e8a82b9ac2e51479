package io.skillform.api;

import io.skillform.course.Course;
import io.skillform.course.CourseLesson;
import io.skillform.course.CourseModule;
import io.skillform.course.Curricula;
import io.skillform.course.LessonBlock;
import io.skillform.course.LessonSettings;
import io.skillform.course.Prerequisite;
import io.skillform.course.block.BlockType;
import io.skillform.course.block.BlockTypes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A creator's curriculum over the API (token): modules, their lessons and the lessons' blocks — add, change (title,
 * settings, content), reorder ({@code position}, from 0; a lesson moves to another module with {@code module_id}),
 * delete. Every change is to the draft: learners see it once the course is published again.
 */
@Path("/v1/products/{id}/modules")
@RequiresToken
@Produces(MediaType.APPLICATION_JSON)
public class CreatorModulesResource {

    private static final String POSITION = "is the place, from 0";

    @Inject
    private CourseDrafts drafts;

    @Inject
    private Curricula curricula;

    @Inject
    private BlockTypes blockTypes;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response addModule(@PathParam("id") String id, String body) {
        Course course = drafts.course(id);
        JsonBody json = JsonBody.parse(body, "{\"title\", \"position\"?}");
        String title = json.text("title").orElseThrow(() -> new ApiException(Problem.invalid("title", "is required: 1–140 characters")));
        Optional<Integer> position = position(json);
        CourseModule module = CourseDrafts.refusing(() -> curricula.addModule(drafts.owner(), course.productId(), title));
        position.ifPresent(place -> CourseDrafts.refusing(() -> curricula.reviseModule(drafts.owner(), module.id(), Optional.empty(), position)));
        return created(course.productId() + "/modules/" + module.id(), moduleJson(id, module.id()));
    }

    @PATCH
    @Path("{module_id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject reviseModule(@PathParam("id") String id, @PathParam("module_id") String moduleId, String body) {
        CourseModule module = drafts.module(id, moduleId);
        JsonBody json = JsonBody.parse(body, "{\"title\"?, \"position\"?}");
        CourseDrafts.refusing(() -> curricula.reviseModule(drafts.owner(), module.id(), json.text("title"), position(json)));
        return moduleJson(id, module.id());
    }

    /** Deletes the module and its lessons; learners keep their progress in them. */
    @DELETE
    @Path("{module_id}")
    public Response removeModule(@PathParam("id") String id, @PathParam("module_id") String moduleId) {
        CourseModule module = drafts.module(id, moduleId);
        CourseDrafts.refusing(() -> {
            curricula.removeModule(drafts.owner(), module.id());
            return module;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("{module_id}/lessons")
    @Consumes(MediaType.WILDCARD)
    public Response addLesson(@PathParam("id") String id, @PathParam("module_id") String moduleId, String body) {
        CourseModule module = drafts.module(id, moduleId);
        String title = JsonBody.parse(body, "{\"title\"}").text("title")
                .orElseThrow(() -> new ApiException(Problem.invalid("title", "is required: 1–140 characters")));
        CourseLesson lesson = CourseDrafts.refusing(() -> curricula.addLesson(drafts.owner(), module.id(), title));
        return created(module.course().productId() + "/modules/" + module.id() + "/lessons/" + lesson.id(),
                lessonJson(id, moduleId, lesson.id()));
    }

    @GET
    @Path("{module_id}/lessons/{lesson_id}")
    public JsonObject lesson(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId) {
        return lessonJson(id, moduleId, drafts.lesson(id, moduleId, lessonId).id());
    }

    /**
     * Changes only the settings given; {@code module_id} moves the lesson to another module of the course (to its end,
     * or to {@code position}). All of it, or none.
     */
    @PATCH
    @Path("{module_id}/lessons/{lesson_id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject reviseLesson(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId,
                                   String body) {
        CourseLesson lesson = drafts.lesson(id, moduleId, lessonId);
        JsonBody json = JsonBody.parse(body, "{\"title\"?, \"free_preview\"?, \"required\"?, \"drip_days\"?, \"drip_on\"?, \"prerequisite\"?,"
                + " \"prerequisite_lesson_id\"?, \"module_id\"?, \"position\"?}");
        LessonSettings now = lesson.settings();
        Optional<Integer> dripDays = json.has("drip_days") ? json.number("drip_days", 0, LessonSettings.MAX_DRIP_DAYS,
                "is the number of days after enrolment the lesson opens, 0 to " + LessonSettings.MAX_DRIP_DAYS).map(Math::toIntExact)
                : json.present("drip_days") ? Optional.empty() : now.dripDays();
        Optional<LocalDate> dripOn = json.has("drip_on") ? Optional.of(date(json.text("drip_on").orElseThrow()))
                : json.present("drip_on") ? Optional.empty() : now.dripOn();
        Prerequisite prerequisite = json.choice("prerequisite", Prerequisite.class).orElse(now.prerequisite());
        Optional<Long> prerequisiteLesson = json.has("prerequisite_lesson_id")
                ? json.number("prerequisite_lesson_id", 1, Long.MAX_VALUE, "is the id of a lesson of this course")
                : now.prerequisiteLessonId();
        long toModule = json.number("module_id", 1, Long.MAX_VALUE, "is the id of a module of this course").orElse(lesson.module().id());
        if (toModule != lesson.module().id()) {
            drafts.module(id, Long.toString(toModule));
        }
        LessonSettings settings;
        try {
            settings = new LessonSettings(json.text("title").orElse(now.title()), json.bool("free_preview").orElse(now.freePreview()),
                    json.bool("required").orElse(now.required()), dripDays, dripOn, prerequisite, prerequisiteLesson);
        } catch (IllegalArgumentException refused) {
            throw new ApiException(Problem.invalid("body", refused.getMessage()));
        }
        CourseLesson saved = CourseDrafts.refusing(() -> curricula.saveLesson(drafts.owner(), lesson.id(), settings, toModule, position(json)));
        return lessonJson(id, Long.toString(saved.module().id()), saved.id());
    }

    @DELETE
    @Path("{module_id}/lessons/{lesson_id}")
    public Response removeLesson(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId) {
        CourseLesson lesson = drafts.lesson(id, moduleId, lessonId);
        CourseDrafts.refusing(() -> {
            curricula.removeLesson(drafts.owner(), lesson.id());
            return lesson;
        });
        return Response.noContent().build();
    }

    /**
     * A block of a type the application has ({@code text}, {@code embed}, {@code video}, {@code file} and the interactive
     * ones), its content as the type's fields; a file field names a file uploaded to the product
     * ({@code POST /api/v1/products/{id}/files}). Refused content is a 400 naming the field.
     */
    @POST
    @Path("{module_id}/lessons/{lesson_id}/blocks")
    @Consumes(MediaType.WILDCARD)
    public Response addBlock(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId,
                             String body) {
        CourseLesson lesson = drafts.lesson(id, moduleId, lessonId);
        JsonBody json = JsonBody.parse(body, "{\"type\", \"content\", \"position\"?}");
        String type = json.text("type").filter(name -> blockTypes.find(name).isPresent()).orElseThrow(() -> new ApiException(
                Problem.invalid("type", "is required, one of: " + String.join(", ", blockTypes.all().stream().map(BlockType::name).toList()))));
        JsonObject content = json.object("content").orElseThrow(() -> new ApiException(Problem.invalid("content", "is required: the block's fields")));
        Optional<Integer> position = position(json);
        LessonBlock block = CourseDrafts.refusing(() -> curricula.addBlock(drafts.owner(), lesson.id(), type, content));
        position.ifPresent(place -> CourseDrafts.refusing(() -> curricula.reviseBlock(drafts.owner(), block.id(), Optional.empty(), position)));
        return created(lesson.module().course().productId() + "/modules/" + moduleId + "/lessons/" + lesson.id(),
                blockJson(id, moduleId, lessonId, block.id()));
    }

    @PATCH
    @Path("{module_id}/lessons/{lesson_id}/blocks/{block_id}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject reviseBlock(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId,
                                  @PathParam("block_id") String blockId, String body) {
        LessonBlock block = drafts.block(id, moduleId, lessonId, blockId);
        JsonBody json = JsonBody.parse(body, "{\"content\"?, \"position\"?}");
        CourseDrafts.refusing(() -> curricula.reviseBlock(drafts.owner(), block.id(), json.object("content"), position(json)));
        return blockJson(id, moduleId, lessonId, block.id());
    }

    @DELETE
    @Path("{module_id}/lessons/{lesson_id}/blocks/{block_id}")
    public Response removeBlock(@PathParam("id") String id, @PathParam("module_id") String moduleId, @PathParam("lesson_id") String lessonId,
                                @PathParam("block_id") String blockId) {
        LessonBlock block = drafts.block(id, moduleId, lessonId, blockId);
        CourseDrafts.refusing(() -> {
            curricula.removeBlock(drafts.owner(), block.id());
            return block;
        });
        return Response.noContent().build();
    }

    private JsonObject moduleJson(String id, long moduleId) {
        CourseModule module = drafts.module(id, Long.toString(moduleId));
        return CourseDrafts.module(module, module.course().modules().indexOf(module)).build();
    }

    private JsonObject lessonJson(String id, String moduleId, long lessonId) {
        CourseLesson lesson = drafts.lesson(id, moduleId, Long.toString(lessonId));
        return CourseDrafts.lesson(lesson, lesson.module().lessons().indexOf(lesson), true).build();
    }

    private JsonObject blockJson(String id, String moduleId, String lessonId, long blockId) {
        LessonBlock block = drafts.block(id, moduleId, lessonId, Long.toString(blockId));
        return CourseDrafts.block(block, block.lesson().blocks().indexOf(block)).build();
    }

    private static Response created(String path, JsonObject entity) {
        return Response.created(URI.create("v1/products/" + path)).entity(entity).build();
    }

    private static Optional<Integer> position(JsonBody json) {
        return json.number("position", 0, 10_000, POSITION).map(Math::toIntExact);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(Problem.invalid("drip_on", "is a date, like 2027-01-31"));
        }
    }
}
