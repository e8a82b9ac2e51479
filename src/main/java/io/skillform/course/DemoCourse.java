package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.DemoFiles;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductMedia;
import io.skillform.catalog.ProductType;
import io.skillform.catalog.Slug;
import io.skillform.catalog.Store;
import io.skillform.catalog.StoreHandle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo store's small course (demo data only), built through the creator's own services and published, so the dev
 * run shows the whole journey: a free preview, a lesson that waits for the one before, one that drips, an uploaded video
 * (a 12-second VP8 WebM drawn on a canvas and encoded by Chromium's WebCodecs, with cues for seeking), a file to
 * download, and a certificate.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
// Each step its own transaction, as a creator's clicks are: an upload is recorded in one of its own (ProductMedia).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCourse {

    static final String SLUG = "design-critique-101";
    private static final Logger LOG = Logger.getLogger(DemoCourse.class.getName());

    @Inject
    @ConfigProperty(name = "skillform.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    private Catalog catalog;

    @Inject
    private Curricula curricula;

    @Inject
    private ProductMedia media;

    @PostConstruct
    void ensure() {
        if (!demoData) {
            return;
        }
        Optional<Store> store = catalog.findStore(new StoreHandle("demo")).filter(s -> s.ownerId().isPresent());
        if (store.isEmpty() || catalog.findPublished(store.get().handle(), new Slug(SLUG)).isPresent()) {
            return;
        }
        try {
            build(store.get().ownerId().orElseThrow());
        } catch (RuntimeException e) {
            // Another node of a cluster may be building it at the same moment; the demo runs without the course.
            LOG.log(Level.WARNING, "Could not build the demo course", e);
        }
    }

    private void build(long owner) {
        Product product = catalog.createProduct(owner, new Slug(SLUG), "Design Critique 101",
                "Learn to **see what is wrong** with an interface — and how to fix it. Four short lessons, with a video.", 2900,
                ProductType.COURSE);
        long id = product.id();
        CourseModule seeing = curricula.addModule(owner, id, "Seeing");
        CourseLesson why = curricula.addLesson(owner, seeing.id(), "Why critique matters");
        text(owner, why.id(), "Every interface makes promises. **Critique** is checking them one by one:\n\n"
                + "> Can a new visitor tell what this page is for in five seconds?\n\nThis lesson is a free preview.");
        settle(owner, why, true, Optional.empty(), Prerequisite.NONE);
        CourseLesson hierarchy = curricula.addLesson(owner, seeing.id(), "Visual hierarchy");
        text(owner, hierarchy.id(), "Size, contrast and space tell the eye where to go first. Watch the short video and the talk,"
                + " then look at your own home page: what do you see first?");
        ProductFile video = upload(owner, id, "visual-hierarchy.webm", DemoCourse.class.getResourceAsStream("demo/visual-hierarchy.webm"));
        curricula.addBlock(owner, hierarchy.id(), "video", Json.createObjectBuilder()
                .add("video", video.id().toString()).add("caption", "Twelve seconds on what the eye sees first").build());
        curricula.addBlock(owner, hierarchy.id(), "embed", Json.createObjectBuilder()
                .add("url", "https://vimeo.com/76979871").add("caption", "A talk to watch before the exercise").build());
        settle(owner, hierarchy, false, Optional.empty(), Prerequisite.PREVIOUS);
        CourseModule fixing = curricula.addModule(owner, id, "Fixing");
        CourseLesson words = curricula.addLesson(owner, fixing.id(), "Plain words");
        text(owner, words.id(), "Replace every word a user would not say. *Submit* becomes **Send my order**.");
        ProductFile checklist = upload(owner, id, "plain-words-checklist.pdf",
                new ByteArrayInputStream(DemoFiles.samplePdf("Plain words: a checklist")));
        curricula.addBlock(owner, words.id(), "file", Json.createObjectBuilder()
                .add("file", checklist.id().toString()).add("caption", "Print it and keep it by your screen").build());
        settle(owner, words, false, Optional.empty(), Prerequisite.NONE);
        CourseLesson practice = curricula.addLesson(owner, fixing.id(), "Your first critique");
        text(owner, practice.id(), "A week in, critique a page you use every day: three things it promises, three it breaks.");
        settle(owner, practice, false, Optional.of(7), Prerequisite.NONE);
        curricula.settle(owner, id, CompletionRule.ALL, true);
        curricula.publish(owner, id);
        catalog.publish(owner, id);
    }

    private ProductFile upload(long owner, long productId, String name, InputStream content) {
        try (InputStream in = content) {
            return media.addFile(owner, productId, name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(long owner, long lessonId, String markdown) {
        curricula.addBlock(owner, lessonId, "text", Json.createObjectBuilder().add("markdown", markdown).build());
    }

    private void settle(long owner, CourseLesson lesson, boolean preview, Optional<Integer> dripDays, Prerequisite prerequisite) {
        curricula.settleLesson(owner, lesson.id(), new LessonSettings(lesson.title(), preview, true, dripDays, Optional.empty(),
                prerequisite, Optional.empty()));
    }
}
