package io.skillform.course;

import io.skillform.catalog.Catalog;
import io.skillform.catalog.CatalogException;
import io.skillform.catalog.Product;
import io.skillform.catalog.ProductCreated;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductType;
import io.skillform.catalog.StorefrontChanged;
import io.skillform.course.block.BlockException;
import io.skillform.course.block.BlockField;
import io.skillform.course.block.BlockType;
import io.skillform.course.block.BlockTypes;
import io.skillform.course.block.FileFields;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The creator's side of courses: the draft curriculum, edited one change per transaction, and its publication as a
 * release. Every method checks that the course is the creator's own (someone else's is "not found", as products
 * are); a refused change says why and changes nothing.
 */
@Stateless
public class Curricula {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Inject
    private Catalog catalog;

    @Inject
    private BlockTypes blockTypes;

    @Inject
    private Event<StorefrontChanged> storefrontChanged;

    private final Clock clock = Clock.systemUTC();

    /** A course product starts with an empty draft. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void start(@Observes ProductCreated created) {
        if (created.type() == ProductType.COURSE) {
            em.persist(new Course(created.productId(), clock.instant()));
        }
    }

    /** The creator's course, its draft locked for the change that follows. */
    public Course course(long ownerId, long productId) {
        Product product = catalog.ownedProduct(ownerId, productId);
        Course course = product.isCourse() ? em.find(Course.class, productId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (course == null) {
            throw new CatalogException.NotFound("This product is not a course");
        }
        return course;
    }

    public Course settle(long ownerId, long productId, CompletionRule rule, boolean certificate) {
        Course course = course(ownerId, productId);
        return obeying(() -> {
            course.settle(rule, certificate, clock.instant());
            return course;
        });
    }

    public CourseModule addModule(long ownerId, long productId, String title) {
        Course course = course(ownerId, productId);
        CourseModule module = obeying(() -> course.addModule(title, clock.instant()));
        em.flush();
        return module;
    }

    public CourseModule renameModule(long ownerId, long moduleId, String title) {
        CourseModule module = module(ownerId, moduleId);
        return obeying(() -> {
            module.rename(title);
            module.course().changed(clock.instant());
            return module;
        });
    }

    public void moveModule(long ownerId, long moduleId, int index) {
        CourseModule module = module(ownerId, moduleId);
        obeying(() -> {
            module.course().moveModule(module, index, clock.instant());
            return module;
        });
    }

    /** Deletes the module with its lessons; learners keep their progress in them, kept by the lessons' ids. */
    public void removeModule(long ownerId, long moduleId) {
        CourseModule module = module(ownerId, moduleId);
        module.course().removeModule(module, clock.instant());
        for (CourseLesson lesson : module.lessons()) {
            delete(lesson);
        }
        em.remove(module);
    }

    public CourseLesson addLesson(long ownerId, long moduleId, String title) {
        CourseModule module = module(ownerId, moduleId);
        CourseLesson lesson = obeying(() -> module.course().addLesson(module, title, clock.instant()));
        em.flush();
        return lesson;
    }

    public CourseLesson lesson(long ownerId, long lessonId) {
        CourseLesson lesson = em.find(CourseLesson.class, lessonId);
        if (lesson == null) {
            throw new CatalogException.NotFound();
        }
        course(ownerId, lesson.module().course().productId());
        return lesson;
    }

    public CourseLesson settleLesson(long ownerId, long lessonId, LessonSettings settings) {
        CourseLesson lesson = lesson(ownerId, lessonId);
        settings.prerequisiteLessonId().ifPresent(required -> {
            if (lesson.module().course().lessons().stream().noneMatch(l -> l.id().equals(required))) {
                throw new CatalogException("Choose a lesson of this course to be completed first");
            }
        });
        return obeying(() -> {
            lesson.settle(settings);
            lesson.module().course().changed(clock.instant());
            return lesson;
        });
    }

    /** The lesson editor's Save: its settings and, when another module was chosen, a move to its end — both or neither. */
    public CourseLesson saveLesson(long ownerId, long lessonId, LessonSettings settings, long moduleId) {
        return saveLesson(ownerId, lessonId, settings, moduleId, Optional.empty());
    }

    /** Its settings, and a move to a place (or, to another module, its end) — all or nothing. */
    public CourseLesson saveLesson(long ownerId, long lessonId, LessonSettings settings, long moduleId, Optional<Integer> index) {
        CourseLesson lesson = settleLesson(ownerId, lessonId, settings);
        if (index.isPresent() || !lesson.module().id().equals(moduleId)) {
            moveLesson(ownerId, lessonId, moduleId, index.orElse(Integer.MAX_VALUE));
        }
        return lesson;
    }

    /** A module's new title and place, either or both, in one change. */
    public CourseModule reviseModule(long ownerId, long moduleId, Optional<String> title, Optional<Integer> index) {
        title.ifPresent(t -> renameModule(ownerId, moduleId, t));
        index.ifPresent(i -> moveModule(ownerId, moduleId, i));
        return module(ownerId, moduleId);
    }

    /** A block's new content and place, either or both, in one change. */
    public LessonBlock reviseBlock(long ownerId, long blockId, Optional<JsonObject> content, Optional<Integer> index) {
        content.ifPresent(c -> updateBlock(ownerId, blockId, c));
        index.ifPresent(i -> moveBlock(ownerId, blockId, i));
        return block(ownerId, blockId);
    }

    /** Moves a lesson to a place in a module of the same course. */
    public void moveLesson(long ownerId, long lessonId, long moduleId, int index) {
        CourseLesson lesson = lesson(ownerId, lessonId);
        CourseModule to = module(ownerId, moduleId);
        CourseModule from = lesson.module();
        if (!from.equals(to)) {
            // Out of the old list first, written: EclipseLink clears a row's order column when it leaves a list, and
            // must not do so after the new list has set it.
            from.release(lesson);
            em.flush();
        }
        obeying(() -> {
            from.course().moveLesson(lesson, to, index, clock.instant());
            return lesson;
        });
    }

    public void removeLesson(long ownerId, long lessonId) {
        CourseLesson lesson = lesson(ownerId, lessonId);
        lesson.module().release(lesson);
        lesson.module().course().changed(clock.instant());
        delete(lesson);
    }

    /** @throws io.skillform.course.block.BlockException when the type refuses the content (it names the field) */
    public LessonBlock addBlock(long ownerId, long lessonId, String type, JsonObject content) {
        CourseLesson lesson = lesson(ownerId, lessonId);
        BlockType blockType = blockTypes.require(type);
        String checked = checked(blockType, lesson, content);
        LessonBlock block = obeying(() -> lesson.addBlock(blockType.name(), checked));
        lesson.module().course().changed(clock.instant());
        em.flush();
        return block;
    }

    public LessonBlock updateBlock(long ownerId, long blockId, JsonObject content) {
        LessonBlock block = block(ownerId, blockId);
        block.replace(checked(blockTypes.require(block.type()), block.lesson(), content));
        block.lesson().module().course().changed(clock.instant());
        return block;
    }

    public void moveBlock(long ownerId, long blockId, int index) {
        LessonBlock block = block(ownerId, blockId);
        block.lesson().moveBlock(block, index);
        block.lesson().module().course().changed(clock.instant());
    }

    public void removeBlock(long ownerId, long blockId) {
        LessonBlock block = block(ownerId, blockId);
        block.lesson().removeBlock(block);
        block.lesson().module().course().changed(clock.instant());
        em.remove(block);
    }

    /** The type's check of the content, then the platform's of its files: each one of this course's own, of a type the field takes. */
    private String checked(BlockType type, CourseLesson lesson, JsonObject content) {
        JsonObject checked = type.validate(content);
        long productId = lesson.module().course().productId();
        for (BlockField field : type.fields()) {
            if (!field.kind().isFile()) {
                continue;
            }
            FileFields.fileId(checked, field.name()).ifPresent(id -> {
                ProductFile file = em.find(ProductFile.class, id);
                if (file == null || file.product().id() != productId || file.isRemoved()) {
                    throw new BlockException(field.name(), "That file is not one of this course's: upload it again");
                }
                if (!field.accepts(file.contentType())) {
                    throw new BlockException(field.name(), file.fileName().value() + " is " + file.contentType() + "; this block takes "
                            + field.accept() + "* files");
                }
            });
        }
        return checked.toString();
    }

    /**
     * Publishes the draft: learners take this version from now on. Every lesson must have something in it; lessons keep
     * their ids, so learners keep their progress.
     */
    public CourseRelease publish(long ownerId, long productId) {
        Course course = course(ownerId, productId);
        if (course.lessons().isEmpty()) {
            throw new CatalogException("Add a lesson before publishing the course");
        }
        List<PublishedCourse.Module> modules = new ArrayList<>();
        for (CourseModule module : course.modules()) {
            if (module.lessons().isEmpty()) {
                throw new CatalogException("The module “" + module.title() + "” has no lessons yet: add one or delete it");
            }
            List<PublishedCourse.Lesson> lessons = new ArrayList<>();
            for (CourseLesson lesson : module.lessons()) {
                if (lesson.blocks().isEmpty()) {
                    throw new CatalogException("The lesson “" + lesson.title() + "” has nothing in it yet: add a block or delete it");
                }
                lessons.add(published(lesson));
            }
            modules.add(new PublishedCourse.Module(module.id(), module.title(), lessons));
        }
        Instant now = clock.instant();
        int version = latestRelease(productId).map(r -> r.version() + 1).orElse(1);
        PublishedCourse release = new PublishedCourse(productId, version, now, course.completionRule(), course.certificate(), modules);
        CourseRelease stored = new CourseRelease(productId, version, now, release.json());
        em.persist(stored);
        storefrontChanged.fire(new StorefrontChanged(catalog.ownedProduct(ownerId, productId).store().id()));
        return stored;
    }

    private PublishedCourse.Lesson published(CourseLesson lesson) {
        LessonSettings settings = lesson.settings();
        List<PublishedCourse.Block> blocks = lesson.blocks().stream()
                .map(b -> new PublishedCourse.Block(b.id(), b.type(), b.content())).toList();
        int duration = lesson.blocks().stream().mapToInt(b -> blockTypes.find(b.type()).map(t -> t.durationSeconds(b.content())).orElse(0)).sum();
        return new PublishedCourse.Lesson(lesson.id(), settings.title(), settings.freePreview(), settings.required(), settings.dripDays(),
                settings.dripOn(), settings.prerequisite(), settings.prerequisiteLessonId(), duration, blocks);
    }

    /** The course as learners take it now; empty before its first publication. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CourseRelease> latestRelease(long productId) {
        return em.createQuery("SELECT r FROM CourseRelease r WHERE r.productId = :product ORDER BY r.version DESC", CourseRelease.class)
                .setParameter("product", productId).setMaxResults(1).getResultStream().findFirst();
    }

    public CourseModule module(long ownerId, long moduleId) {
        CourseModule module = em.find(CourseModule.class, moduleId);
        if (module == null) {
            throw new CatalogException.NotFound();
        }
        course(ownerId, module.course().productId());
        return module;
    }

    public LessonBlock block(long ownerId, long blockId) {
        LessonBlock block = em.find(LessonBlock.class, blockId);
        if (block == null) {
            throw new CatalogException.NotFound();
        }
        course(ownerId, block.lesson().module().course().productId());
        return block;
    }

    private void delete(CourseLesson lesson) {
        lesson.blocks().forEach(em::remove);
        em.remove(lesson);
    }

    private static <T> T obeying(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CatalogException(e.getMessage());
        }
    }
}
