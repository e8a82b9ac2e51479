package io.skillform.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate of completion: who completed which course of which creator, and when. What it says never changes once
 * issued (the PDF and the public page are drawn from it); the enrolment's end (a refund, a lost dispute) withdraws it,
 * and the public page then says so. Its id is random and printed on it: anyone holding the certificate can check it,
 * and nobody can list the learners of a course by counting.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    /** Crockford's base 32, without the letters read as digits. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_NAME = 120;

    @Id
    @Column(length = 14)
    private String id;

    @Column(name = "enrolment_id", nullable = false, updatable = false)
    private long enrolmentId;

    @Column(name = "product_id", nullable = false, updatable = false)
    private long productId;

    @Column(name = "learner_name", nullable = false, updatable = false, length = MAX_NAME)
    private String learnerName;

    @Column(name = "course_title", nullable = false, updatable = false, length = 200)
    private String courseTitle;

    @Column(name = "creator_name", nullable = false, updatable = false, length = 200)
    private String creatorName;

    @Column(name = "completed_at", nullable = false, updatable = false)
    private Instant completedAt;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Certificate() {
        // for JPA
    }

    Certificate(Enrolment enrolment, String learnerName, String courseTitle, String creatorName, Instant now) {
        this.id = newId();
        this.enrolmentId = enrolment.id();
        this.productId = enrolment.productId();
        this.learnerName = checkedName(learnerName);
        this.courseTitle = Objects.requireNonNull(courseTitle, "courseTitle");
        this.creatorName = Objects.requireNonNull(creatorName, "creatorName");
        this.completedAt = enrolment.completedAt().orElseThrow(() -> new IllegalStateException("The course is not completed yet"));
        this.issuedAt = now;
    }

    /** The name as it will be printed: what the learner typed, trimmed; a name at all, and not a page of text. */
    static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Type your name as it should appear on the certificate");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("A name on a certificate is at most " + MAX_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A name cannot contain control characters");
        }
        if (!CertificatePdf.printable(trimmed)) {
            throw new IllegalArgumentException("The certificate cannot print some characters of this name yet (it prints Latin,"
                    + " Greek and Cyrillic letters); write it in those letters");
        }
        return trimmed;
    }

    /** "XXXX-XXXX-XXXX": 60 random bits, read aloud without confusion. */
    static String newId() {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                id.append('-');
            }
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** @return whether this changed it */
    boolean withdraw(Instant now) {
        if (withdrawnAt != null) {
            return false;
        }
        withdrawnAt = now;
        return true;
    }

    boolean reinstate() {
        if (withdrawnAt == null) {
            return false;
        }
        withdrawnAt = null;
        return true;
    }

    public String id() {
        return id;
    }

    public long enrolmentId() {
        return enrolmentId;
    }

    public long productId() {
        return productId;
    }

    public String learnerName() {
        return learnerName;
    }

    public String courseTitle() {
        return courseTitle;
    }

    public String creatorName() {
        return creatorName;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    public boolean isValid() {
        return withdrawnAt == null;
    }
}
