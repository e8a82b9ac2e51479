/**
 * Lesson block types: the port through which courses know what a lesson contains, and its adapters.
 *
 * <p>A block type is a CDI bean implementing {@link io.skillform.course.block.BlockType}; {@link
 * io.skillform.course.block.BlockTypes} finds every one at start, by {@link io.skillform.course.block.BlockType#name()},
 * and the course code never names a type. A type:
 * <ul>
 *   <li>declares its content's {@link io.skillform.course.block.BlockType#fields() fields} (like H5P's semantics), from
 *       which the generic editor ({@code /WEB-INF/blocks/fields-editor.xhtml}) renders its form — or names an editor
 *       fragment of its own;</li>
 *   <li>{@link io.skillform.course.block.BlockType#validate validates} what the creator gave before it is stored, refusing
 *       with a {@link io.skillform.course.block.BlockException} that names the field;</li>
 *   <li>decides what a learner may see ({@link io.skillform.course.block.BlockType#learnerView}: rendered, sanitised, no
 *       answers), which its player fragment shows (like XBlock's student view, but escaping is the platform's: fragments
 *       are Facelets, which escape by default);</li>
 *   <li>grades a learner's submission on the server if it is interactive ({@link io.skillform.course.block.BlockGrader}).</li>
 * </ul>
 * The platform stores each block's content (JSON) and a type never reads another block's. Files are the platform's too:
 * a field of kind {@code MEDIA} or {@code ATTACHMENT} holds the id of one of the course's files ({@link
 * io.skillform.course.block.FileFields}); the editor uploads it with the lesson form, the platform checks that it is the
 * course's own and of the field's accepted type, and gives the learner's view a signed address (media, streamed with
 * {@code Range}) or a download counted against the buyer's grant (attachments) — a type never sees storage.
 * Adding a type is one class here (or in its own package), its fragment(s) under {@code /WEB-INF/blocks/}, and its
 * labels in the message bundle. Built in: {@link io.skillform.course.block.TextBlock} (Markdown), {@link
 * io.skillform.course.block.EmbedBlock} (YouTube/Vimeo by id, in the providers' privacy-friendly players, loaded only
 * when opened), {@link io.skillform.course.block.VideoBlock} (an uploaded video, complete at 90% played) and {@link
 * io.skillform.course.block.FileBlock} (an attachment).
 */
package io.skillform.course.block;
