package io.skillform.course;

import io.skillform.catalog.CatalogException;
import io.skillform.catalog.ProductFile;
import io.skillform.catalog.ProductMedia;
import io.skillform.course.block.BlockException;
import io.skillform.course.block.BlockField;
import io.skillform.course.block.BlockType;
import io.skillform.course.block.BlockTypes;
import io.skillform.course.block.FileFields;
import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import io.skillform.storage.Sizes;
import io.skillform.storage.TooLargeException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs /dashboard/lesson?id=…: a lesson's settings (title, free preview, drip, prerequisite, its module) and its blocks,
 * each edited in its type's fields, moved, deleted; a new block of any type the application has.
 */
@Named
@ViewScoped
public class LessonEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How the lesson's drip is given on the form. */
    public enum Drip {
        NONE, DAYS, DATE
    }

    @Inject
    private transient Curricula curricula;

    @Inject
    private transient BlockTypes blockTypes;

    @Inject
    private transient ProductMedia media;

    @Inject
    private CurrentAccount me;

    private String id;
    private CourseLesson lesson;
    private String title;
    private boolean freePreview;
    private boolean required;
    private Drip drip;
    private Integer dripDays;
    private String dripOn;
    private Prerequisite prerequisite;
    private Long prerequisiteLessonId;
    private Long moduleId;
    private final Map<Long, Map<String, String>> blockFields = new HashMap<>();
    private String newBlockType;
    private final Map<String, String> newBlockFields = new HashMap<>();
    /** Files chosen in file fields, until Save stores them: a part lives for its request only, never in the view. */
    private transient Map<String, Part> newUploads = new HashMap<>();
    private transient Map<Long, Map<String, Part>> blockUploads = new HashMap<>();

    public void load() throws IOException {
        try {
            lesson = curricula.lesson(me.requireId(), Long.parseLong(id == null ? "" : id));
        } catch (CatalogException | NumberFormatException e) {
            PageResponses.notFound();
            return;
        }
        LessonSettings settings = lesson.settings();
        title = settings.title();
        freePreview = settings.freePreview();
        required = settings.required();
        drip = settings.dripDays().isPresent() ? Drip.DAYS : settings.dripOn().isPresent() ? Drip.DATE : Drip.NONE;
        dripDays = settings.dripDays().orElse(null);
        dripOn = settings.dripOn().map(LocalDate::toString).orElse("");
        prerequisite = settings.prerequisite();
        prerequisiteLessonId = settings.prerequisiteLessonId().orElse(null);
        moduleId = lesson.module().id();
        for (LessonBlock block : lesson.blocks()) {
            Map<String, String> values = new HashMap<>();
            block.content().forEach((name, value) -> {
                if (value instanceof JsonString text) {
                    values.put(name, text.getString());
                }
            });
            blockFields.put(block.id(), values);
        }
    }

    public String saveSettings() {
        Optional<LocalDate> date = Optional.empty();
        if (drip == Drip.DATE) {
            try {
                date = Optional.of(LocalDate.parse(dripOn == null ? "" : dripOn.strip()));
            } catch (DateTimeParseException e) {
                PageMessages.errorFor("settings:dripOn", PageMessages.text("lesson.badDate"));
                return null;
            }
        }
        Optional<LocalDate> opensOn = date;
        return change(() -> {
            LessonSettings settings = new LessonSettings(title, freePreview, required,
                    drip == Drip.DAYS ? Optional.ofNullable(dripDays).or(() -> Optional.of(0)) : Optional.empty(), opensOn,
                    prerequisite, Optional.ofNullable(prerequisiteLessonId));
            curricula.saveLesson(me.requireId(), lesson.id(), settings, moduleId);
        }, "lesson.saved");
    }

    public String removeLesson() {
        long productId = lesson.module().course().productId();
        try {
            curricula.removeLesson(me.requireId(), lesson.id());
            PageMessages.info("lesson.removed", lesson.title());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/dashboard/course?faces-redirect=true&id=" + productId;
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
            return null;
        }
    }

    /** Shows the chosen type's fields for a new block (the page at ?add=<type>); nothing is stored until it is saved. */
    public String chooseBlockType() {
        if (getNewType().isEmpty()) {
            PageMessages.error("lesson.chooseTypeFirst");
            return null;
        }
        return "/dashboard/lesson?faces-redirect=true&id=" + lesson.id() + "&add=" + newBlockType;
    }

    public String addBlock() {
        if (!stored(getNewUploads(), newBlockFields)) {
            return null;
        }
        String added = change(() -> curricula.addBlock(me.requireId(), lesson.id(), newBlockType, json(newBlockFields)), "lesson.blockAdded");
        // Back to the lesson without the new block's form.
        return added == null ? null : "/dashboard/lesson?faces-redirect=true&id=" + lesson.id();
    }

    public String saveBlock(long blockId) {
        if (!stored(uploadsOf(blockId), blockFields.get(blockId))) {
            return null;
        }
        return change(() -> curricula.updateBlock(me.requireId(), blockId, json(blockFields.get(blockId))), "lesson.blockSaved");
    }

    public String moveBlock(long blockId, int index) {
        return change(() -> curricula.moveBlock(me.requireId(), blockId, index), "lesson.blockMoved");
    }

    public String removeBlock(long blockId) {
        return change(() -> curricula.removeBlock(me.requireId(), blockId), "lesson.blockRemoved");
    }

    /**
     * Stores the files chosen in a block's file fields as files of the course (outside any transaction, as product files
     * are), each field then naming its file; the block itself is saved next. A file kept while the block is refused
     * stays named in the form, so Save again does not upload it twice.
     *
     * @return false when an upload was refused (the message says why)
     */
    private boolean stored(Map<String, Part> uploads, Map<String, String> values) {
        long productId = lesson.module().course().productId();
        for (Map.Entry<String, Part> upload : uploads.entrySet()) {
            Part part = upload.getValue();
            if (part == null || part.getSize() == 0) {
                continue;
            }
            try (InputStream content = part.getInputStream()) {
                ProductFile file = media.addFile(me.requireId(), productId, part.getSubmittedFileName(), content);
                values.put(upload.getKey(), Long.toString(file.id()));
            } catch (TooLargeException e) {
                PageMessages.errorText(PageMessages.text("editor.tooLarge", Sizes.format(e.limit())));
                return false;
            } catch (CatalogException e) {
                PageMessages.errorText(e.getMessage());
                return false;
            } catch (IOException e) {
                PageMessages.error("editor.uploadFailed");
                return false;
            }
        }
        uploads.clear();
        return true;
    }

    /** What a file field holds now, in words: the uploaded file's name and size. */
    public String fileLabel(String fileId) {
        Optional<ProductFile> file = FileFields.id(fileId)
                .flatMap(id -> media.fileOf(me.requireId(), lesson.module().course().productId(), id));
        return file.map(f -> PageMessages.text("block.upload.current", f.fileName().value() + " (" + Sizes.format(f.sizeBytes()) + ")"))
                .orElseGet(() -> PageMessages.text("block.upload.none"));
    }

    private static JsonObject json(Map<String, String> values) {
        JsonObjectBuilder content = Json.createObjectBuilder();
        values.forEach((name, value) -> content.add(name, value == null ? "" : value));
        return content.build();
    }

    private String change(Runnable action, String successKey) {
        try {
            action.run();
            PageMessages.info(successKey);
            return PageResponses.reloadPage();
        } catch (BlockException e) {
            PageMessages.errorText(PageMessages.text("lesson.blockRefused", PageMessages.text("block.field." + e.field()), e.getMessage()));
        } catch (CatalogException | IllegalArgumentException e) {
            PageMessages.errorText(e.getMessage());
        }
        return null;
    }

    public BlockType type(String name) {
        return blockTypes.require(name);
    }

    public List<BlockType> getBlockTypes() {
        return blockTypes.all();
    }

    public Optional<BlockType> getNewType() {
        return newBlockType == null || newBlockType.isEmpty() ? Optional.empty() : blockTypes.find(newBlockType);
    }

    public List<BlockField> fieldsOf(String typeName) {
        return blockTypes.require(typeName).fields();
    }

    /** Every lesson of the course but this one, for "open after". */
    public List<CourseLesson> getOtherLessons() {
        return lesson.module().course().lessons().stream().filter(l -> !l.id().equals(lesson.id())).toList();
    }

    public List<CourseModule> getModules() {
        return lesson.module().course().modules();
    }

    public Drip[] getDrips() {
        return Drip.values();
    }

    public Prerequisite[] getPrerequisites() {
        return Prerequisite.values();
    }

    public CourseLesson getLesson() {
        return lesson;
    }

    public Map<Long, Map<String, String>> getBlockFields() {
        return blockFields;
    }

    public Map<String, Part> getNewUploads() {
        if (newUploads == null) {
            newUploads = new HashMap<>();
        }
        return newUploads;
    }

    /** The files chosen in one block's file fields. */
    public Map<String, Part> uploadsOf(long blockId) {
        if (blockUploads == null) {
            blockUploads = new HashMap<>();
        }
        return blockUploads.computeIfAbsent(blockId, id -> new HashMap<>());
    }

    public Map<String, String> getNewBlockFields() {
        return newBlockFields;
    }

    public String getNewBlockType() {
        return newBlockType;
    }

    public void setNewBlockType(String newBlockType) {
        this.newBlockType = newBlockType;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isFreePreview() {
        return freePreview;
    }

    public void setFreePreview(boolean freePreview) {
        this.freePreview = freePreview;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public Drip getDrip() {
        return drip;
    }

    public void setDrip(Drip drip) {
        this.drip = drip;
    }

    public Integer getDripDays() {
        return dripDays;
    }

    public void setDripDays(Integer dripDays) {
        this.dripDays = dripDays;
    }

    public String getDripOn() {
        return dripOn;
    }

    public void setDripOn(String dripOn) {
        this.dripOn = dripOn;
    }

    public Prerequisite getPrerequisite() {
        return prerequisite;
    }

    public void setPrerequisite(Prerequisite prerequisite) {
        this.prerequisite = prerequisite;
    }

    public Long getPrerequisiteLessonId() {
        return prerequisiteLessonId;
    }

    public void setPrerequisiteLessonId(Long prerequisiteLessonId) {
        this.prerequisiteLessonId = prerequisiteLessonId;
    }

    public Long getModuleId() {
        return moduleId;
    }

    public void setModuleId(Long moduleId) {
        this.moduleId = moduleId;
    }
}
