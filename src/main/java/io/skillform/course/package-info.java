/**
 * Courses: a product of type {@code COURSE} delivers a curriculum instead of files.
 *
 * <p><b>Draft and release.</b> The creator edits a draft — {@link io.skillform.course.Course} with its ordered
 * {@link io.skillform.course.CourseModule modules}, {@link io.skillform.course.CourseLesson lessons} and
 * {@link io.skillform.course.LessonBlock blocks} — through {@link io.skillform.course.Curricula}, one change per
 * transaction. Learners never read the draft: "Publish changes" writes the whole curriculum as one immutable
 * {@link io.skillform.course.CourseRelease} (JSON), and the newest release is the course. A half-written lesson therefore
 * never reaches a learner, and a lesson keeps its id through every edit and move, so progress kept against it survives.
 *
 * <p><b>Enrolment and progress.</b> A paid order of a course enrols its buyer in the payment's transaction
 * ({@link io.skillform.course.Enrolments#sync}, called with delivery's); a full refund or a lost dispute ends the
 * enrolment, a dispute won reinstates it. Progress is upserted per (enrolment, lesson), so a retried request never
 * counts twice; the first completion of a lesson bumps the funnel's rollup ({@code lesson_completions}) and tells the
 * creator's webhooks. {@link io.skillform.course.LessonAccess} holds the rules — free preview, drip, prerequisite,
 * completion — as plain functions.
 *
 * <p><b>The player</b> ({@code /learn/<product id>[/<lesson id>]}, {@link io.skillform.course.LearnPage}) shows a lesson's
 * blocks only when the rules open it to the person asking: a locked lesson's content is never put on the page.
 *
 * <p>What must not be here: payments and money (the checkout and ledger own them), a block type by name (see
 * {@link io.skillform.course.block}).
 */
package io.skillform.course;
