package io.skillform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillform.testing.ApiTest;
import io.skillform.testing.TestAccounts;
import io.skillform.testing.TestCreators;
import io.skillform.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A creator builds, publishes and revises a course through the API alone, and a buyer takes it through the learner
 * API: drafts never reach the learner until published again, refused requests change nothing, and another creator's
 * token finds none of it.
 */
class CourseApiIT extends ApiTest {

    @Test
    void aCreatorBuildsACourseThroughTheApiAndALearnerSeesOnlyWhatWasPublished() throws Exception {
        Tokens token = new Tokens(TestCreators.withStore("course-api"));
        Tokens other = new Tokens(TestCreators.withStore("course-api-other"));

        assertField("type", call(token, "POST", "/api/v1/products", "{\"slug\":\"x\",\"title\":\"X\",\"type\":\"ebook\",\"price\":100}"));
        HttpResponse<String> created = call(token, "POST", "/api/v1/products",
                "{\"slug\":\"layout-course\",\"title\":\"Layout course\",\"type\":\"course\",\"price\":2500}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("course", json(created).getString("type"));
        long id = json(created).getJsonNumber("id").longValue();
        String course = "/api/v1/products/" + id;

        JsonObject draft = ok(call(token, "GET", course + "/course", null));
        assertEquals(0, draft.getJsonArray("modules").size());
        assertTrue(draft.isNull("published_version"));
        assertProblem(409, call(token, "POST", course + "/course/publish", null));
        assertProblem(409, call(token, "POST", course + "/publish", null));
        // A download product has no curriculum.
        long download = freeProductIn(token.next());
        assertProblem(404, call(token, "GET", "/api/v1/products/" + download + "/course", null));

        long basics = id(call(token, "POST", course + "/modules", "{\"title\":\"Basics\"}"));
        long advanced = id(call(token, "POST", course + "/modules", "{\"title\":\"Advanced\"}"));
        assertField("title", call(token, "POST", course + "/modules", "{}"));
        String basicLessons = course + "/modules/" + basics + "/lessons";
        long intro = id(call(token, "POST", basicLessons, "{\"title\":\"Intro\"}"));
        long grid = id(call(token, "POST", basicLessons, "{\"title\":\"The grid\"}"));
        long type = id(call(token, "POST", course + "/modules/" + advanced + "/lessons", "{\"title\":\"Type\"}"));

        // Blocks: content checked by the block type, the field named in the answer; nothing kept from a refusal.
        String introBlocks = basicLessons + "/" + intro + "/blocks";
        long text = id(call(token, "POST", introBlocks, "{\"type\":\"text\",\"content\":{\"markdown\":\"Welcome to *layout*.\"}}"));
        long blocks = TestDatabase.single("SELECT COUNT(*) FROM lesson_block");
        assertField("content.url", call(token, "POST", introBlocks, "{\"type\":\"embed\",\"content\":{\"url\":\"https://evil.example/x\"}}"));
        assertField("content.markdown", call(token, "POST", introBlocks, "{\"type\":\"text\",\"content\":{\"markdown\":\"  \"}}"));
        assertField("type", call(token, "POST", introBlocks, "{\"type\":\"hologram\",\"content\":{}}"));
        assertField("content", call(token, "POST", introBlocks, "{\"type\":\"text\"}"));
        assertEquals(blocks, TestDatabase.single("SELECT COUNT(*) FROM lesson_block"), "no block from a refused request");
        long embed = id(call(token, "POST", introBlocks,
                "{\"type\":\"embed\",\"content\":{\"url\":\"https://youtu.be/dQw4w9WgXcQ\"},\"position\":0}"));

        // A video block takes one of the course's own video files: a PDF is refused at the field.
        // The server reads what a file is from its bytes: a real WebM (the demo's), a PDF's header.
        byte[] webm = Files.readAllBytes(Path.of("src/main/resources/io/skillform/course/demo/visual-hierarchy.webm"));
        long video = upload(token, id, "welcome.webm", webm);
        long pdf = upload(token, id, "checklist.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        String gridBlocks = basicLessons + "/" + grid + "/blocks";
        HttpResponse<String> wrongType = call(token, "POST", gridBlocks, "{\"type\":\"video\",\"content\":{\"video\":\"" + pdf + "\"}}");
        assertField("content.video", wrongType);
        assertTrue(json(wrongType).getString("detail").contains("checklist.pdf"), wrongType.body());
        long foreign = upload(token, download, "elsewhere.webm", webm);
        assertField("content.video", call(token, "POST", gridBlocks, "{\"type\":\"video\",\"content\":{\"video\":\"" + foreign + "\"}}"));
        id(call(token, "POST", gridBlocks, "{\"type\":\"video\",\"content\":{\"video\":\"" + video + "\"}}"));
        id(call(token, "POST", gridBlocks, "{\"type\":\"file\",\"content\":{\"file\":\"" + pdf + "\"}}"));
        id(call(token, "POST", course + "/modules/" + advanced + "/lessons/" + type + "/blocks",
                "{\"type\":\"text\",\"content\":{\"markdown\":\"Pairing typefaces.\"}}"));

        JsonObject lesson = ok(call(token, "GET", basicLessons + "/" + intro, null));
        JsonArray introOrder = lesson.getJsonArray("blocks");
        assertEquals(embed, introOrder.getJsonObject(0).getJsonNumber("id").longValue(), "the embed was placed first: " + introOrder);
        assertEquals(text, introOrder.getJsonObject(1).getJsonNumber("id").longValue());
        assertEquals("Welcome to *layout*.", introOrder.getJsonObject(1).getJsonObject("content").getString("markdown"));

        // Settings: a drip, a prerequisite, a move to another module; a bad value changes nothing.
        assertField("drip_days", call(token, "PATCH", basicLessons + "/" + grid, "{\"drip_days\":-1}"));
        assertField("drip_on", call(token, "PATCH", basicLessons + "/" + grid, "{\"drip_on\":\"next week\"}"));
        JsonObject dripped = ok(call(token, "PATCH", basicLessons + "/" + grid, "{\"drip_days\":7,\"free_preview\":true}"));
        assertEquals(7, dripped.getInt("drip_days"));
        assertTrue(dripped.getBoolean("free_preview"));
        assertTrue(ok(call(token, "PATCH", basicLessons + "/" + grid, "{\"drip_days\":null}")).isNull("drip_days"), "null clears the drip");
        JsonObject moved = ok(call(token, "PATCH", course + "/modules/" + advanced + "/lessons/" + type,
                "{\"module_id\":" + basics + ",\"position\":0}"));
        assertEquals(basics, moved.getJsonNumber("module_id").longValue());
        assertEquals(0, moved.getInt("position"));
        assertEquals("previous", ok(call(token, "PATCH", basicLessons + "/" + intro, "{\"prerequisite\":\"previous\"}")).getString("prerequisite"));
        JsonObject afterMove = ok(call(token, "GET", course + "/course", null));
        assertEquals(0, afterMove.getJsonArray("modules").getJsonObject(1).getJsonArray("lessons").size(), "Advanced is empty now");
        // The lesson's address follows its module.
        assertProblem(404, call(token, "GET", course + "/modules/" + advanced + "/lessons/" + type, null));
        HttpResponse<String> emptyModule = call(token, "POST", course + "/course/publish", null);
        assertProblem(409, emptyModule);
        assertTrue(json(emptyModule).getString("detail").contains("Advanced"), emptyModule.body());
        assertEquals(204, call(token, "DELETE", course + "/modules/" + advanced, null).statusCode());

        // Published: the product can go on sale; a buyer is enrolled and sees version 1.
        JsonObject release = ok(call(token, "POST", course + "/course/publish", null), 201);
        assertEquals(1, release.getInt("version"));
        assertEquals(200, call(token, "POST", course + "/publish", null).statusCode());
        String buyer = TestAccounts.uniqueEmail().value();
        String learner = "Bearer " + libraryToken(buyer);
        buy(id, buyer);
        JsonObject taken = ok(send(request("/api/v1/library/courses/" + id).header("Authorization", learner).build()));
        assertEquals(1, taken.getInt("version"));
        assertEquals(3, taken.getInt("lessons"));
        JsonArray lessons = taken.getJsonArray("modules").getJsonObject(0).getJsonArray("lessons");
        assertEquals("Type", lessons.getJsonObject(0).getString("title"));
        assertEquals("open", lessons.getJsonObject(0).getString("state"));
        assertEquals("locked", lessons.getJsonObject(1).getString("state"), "Intro waits for Type: " + lessons);
        assertEquals("Type", lessons.getJsonObject(1).getString("waits_for"));

        // A draft change stays a draft until the creator publishes again.
        ok(call(token, "PATCH", basicLessons + "/" + intro, "{\"title\":\"Start here\",\"prerequisite\":\"none\"}"));
        ok(call(token, "PATCH", introBlocks + "/" + text, "{\"content\":{\"markdown\":\"Half-written…\"}}"));
        JsonObject stillOld = ok(send(request("/api/v1/library/lessons/" + intro).header("Authorization", learner).build()), 403);
        assertEquals("locked", stillOld.getString("reason"));
        assertEquals("Type", stillOld.getString("waits_for"), "the published prerequisite still holds");
        assertEquals("Intro", ok(send(request("/api/v1/library/courses/" + id).header("Authorization", learner).build()))
                .getJsonArray("modules").getJsonObject(0).getJsonArray("lessons").getJsonObject(1).getString("title"));
        assertEquals(2, ok(call(token, "POST", course + "/course/publish", null), 201).getInt("version"));
        JsonObject opened = ok(send(request("/api/v1/library/lessons/" + intro).header("Authorization", learner).build()));
        assertEquals("Start here", opened.getString("title"));
        assertTrue(opened.getJsonArray("blocks").toString().contains("Half-written"), opened.toString());
        JsonObject settled = ok(call(token, "PATCH", course + "/course", "{\"completion_rule\":\"required\",\"certificate\":true}"));
        assertEquals("required", settled.getString("completion_rule"));
        assertTrue(settled.getBoolean("certificate"));
        assertField("completion_rule", call(token, "PATCH", course + "/course", "{\"completion_rule\":\"most\"}"));

        // The creator sees the learner; nobody else sees the course or any part of it.
        JsonArray learners = ok(call(token, "GET", course + "/learners", null)).getJsonArray("data");
        assertEquals(1, learners.size());
        assertEquals(buyer, learners.getJsonObject(0).getString("email"));
        assertTrue(learners.getJsonObject(0).getBoolean("active"));
        for (String path : new String[] {course + "/course", course + "/learners", basicLessons + "/" + intro}) {
            assertProblem(404, call(other, "GET", path, null));
        }
        assertProblem(404, call(other, "POST", course + "/modules", "{\"title\":\"Mine now\"}"));
        assertProblem(404, call(other, "DELETE", introBlocks + "/" + text, null));
        long theirs = freeCourseIn(other.next()).module();
        assertProblem(404, call(token, "POST", course + "/modules/" + theirs + "/lessons", "{\"title\":\"Into theirs\"}"));
        assertProblem(404, call(token, "PATCH", basicLessons + "/" + intro, "{\"module_id\":" + theirs + "}"));

        // Deletes: a block, then a lesson; the learner's progress rows stay.
        assertEquals(204, call(token, "DELETE", introBlocks + "/" + text, null).statusCode());
        assertEquals(1, ok(call(token, "GET", basicLessons + "/" + intro, null)).getJsonArray("blocks").size());
        assertEquals(204, call(token, "DELETE", basicLessons + "/" + grid, null).statusCode());
        assertProblem(404, call(token, "GET", basicLessons + "/" + grid, null));
    }

    private long upload(Tokens token, long product, String name, byte[] bytes) throws Exception {
        HttpResponse<String> uploaded = send(request("/api/v1/products/" + product + "/files?name=" + name).header("Authorization", "Bearer " + token.next())
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        return json(uploaded).getJsonNumber("id").longValue();
    }

    private HttpResponse<String> call(Tokens token, String method, String path, String body) throws Exception {
        return send(request(path).header("Authorization", "Bearer " + token.next()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A creator's tokens, a new one every 25 requests: this journey makes more requests than one token may in a minute
     * (40 in tests), as a creator's several clients would.
     */
    private static final class Tokens {

        private String current;
        private int used;

        Tokens(String first) {
            current = first;
        }

        String next() throws SQLException {
            if (++used > 25) {
                current = TestCreators.anotherToken(current);
                used = 1;
            }
            return current;
        }
    }

    private static long id(HttpResponse<String> created) {
        return ok(created, 201).getJsonNumber("id").longValue();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    private static JsonObject ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return json(response);
    }
}
