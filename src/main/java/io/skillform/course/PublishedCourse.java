package io.skillform.course;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A course as its learners take it: one release, read from its JSON. Lessons are in course order (modules in order,
 * each module's lessons in order); blocks carry their stored content, which the block's type turns into what a learner
 * may see ({@link io.skillform.course.block.BlockType#learnerView}).
 */
public record PublishedCourse(long productId, int version, Instant publishedAt, CompletionRule completionRule, boolean certificate,
                              List<Module> modules) {

    public record Module(long id, String title, List<Lesson> lessons) {
    }

    public record Lesson(long id, String title, boolean freePreview, boolean required, Optional<Integer> dripDays,
                         Optional<LocalDate> dripOn, Prerequisite prerequisite, Optional<Long> prerequisiteLessonId,
                         int durationSeconds, List<Block> blocks) {
    }

    public record Block(long id, String type, JsonObject content) {
    }

    public PublishedCourse {
        modules = List.copyOf(modules);
    }

    public List<Lesson> lessons() {
        return modules.stream().flatMap(m -> m.lessons().stream()).toList();
    }

    public Optional<Lesson> lesson(long lessonId) {
        return lessons().stream().filter(l -> l.id() == lessonId).findFirst();
    }

    /** The lesson before or after this one in course order, across modules. */
    public Optional<Lesson> neighbour(long lessonId, int step) {
        List<Lesson> all = lessons();
        return IntStream.range(0, all.size()).filter(i -> all.get(i).id() == lessonId).boxed().findFirst()
                .map(i -> i + step).filter(i -> i >= 0 && i < all.size()).map(all::get);
    }

    public int durationSeconds() {
        return lessons().stream().mapToInt(Lesson::durationSeconds).sum();
    }

    String json() {
        JsonArrayBuilder moduleArray = Json.createArrayBuilder();
        for (Module module : modules) {
            JsonArrayBuilder lessonArray = Json.createArrayBuilder();
            for (Lesson lesson : module.lessons()) {
                JsonArrayBuilder blockArray = Json.createArrayBuilder();
                lesson.blocks().forEach(b -> blockArray.add(Json.createObjectBuilder().add("id", b.id()).add("type", b.type())
                        .add("content", b.content())));
                JsonObjectBuilder l = Json.createObjectBuilder().add("id", lesson.id()).add("title", lesson.title())
                        .add("free_preview", lesson.freePreview()).add("required", lesson.required())
                        .add("prerequisite", lesson.prerequisite().name()).add("duration_seconds", lesson.durationSeconds())
                        .add("blocks", blockArray);
                lesson.dripDays().ifPresent(days -> l.add("drip_days", days));
                lesson.dripOn().ifPresent(date -> l.add("drip_on", date.toString()));
                lesson.prerequisiteLessonId().ifPresent(id -> l.add("prerequisite_lesson_id", id));
                lessonArray.add(l);
            }
            moduleArray.add(Json.createObjectBuilder().add("id", module.id()).add("title", module.title()).add("lessons", lessonArray));
        }
        return Json.createObjectBuilder().add("completion_rule", completionRule.name()).add("certificate", certificate)
                .add("modules", moduleArray).build().toString();
    }

    static PublishedCourse parse(long productId, int version, Instant publishedAt, String json) {
        JsonObject root;
        try (var reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        }
        List<Module> modules = new ArrayList<>();
        for (JsonValue m : root.getJsonArray("modules")) {
            JsonObject module = m.asJsonObject();
            List<Lesson> lessons = new ArrayList<>();
            for (JsonValue v : module.getJsonArray("lessons")) {
                JsonObject l = v.asJsonObject();
                List<Block> blocks = l.getJsonArray("blocks").stream().map(JsonValue::asJsonObject)
                        .map(b -> new Block(b.getJsonNumber("id").longValue(), b.getString("type"), b.getJsonObject("content"))).toList();
                lessons.add(new Lesson(l.getJsonNumber("id").longValue(), l.getString("title"), l.getBoolean("free_preview"),
                        l.getBoolean("required"), l.containsKey("drip_days") ? Optional.of(l.getInt("drip_days")) : Optional.empty(),
                        l.containsKey("drip_on") ? Optional.of(LocalDate.parse(l.getString("drip_on"))) : Optional.empty(),
                        Prerequisite.valueOf(l.getString("prerequisite")),
                        l.containsKey("prerequisite_lesson_id") ? Optional.of(l.getJsonNumber("prerequisite_lesson_id").longValue())
                                : Optional.empty(),
                        l.getInt("duration_seconds"), blocks));
            }
            modules.add(new Module(module.getJsonNumber("id").longValue(), module.getString("title"), lessons));
        }
        return new PublishedCourse(productId, version, publishedAt, CompletionRule.valueOf(root.getString("completion_rule")),
                root.getBoolean("certificate"), modules);
    }
}
