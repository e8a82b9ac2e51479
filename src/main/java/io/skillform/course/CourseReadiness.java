package io.skillform.course;

import io.skillform.catalog.ProductType;
import io.skillform.catalog.SellableContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** A course is for sale once its lessons are published: buyers get the published course, never the draft. */
@ApplicationScoped
public class CourseReadiness implements SellableContent {

    @PersistenceContext(unitName = "skillform")
    private EntityManager em;

    @Override
    public ProductType type() {
        return ProductType.COURSE;
    }

    @Override
    public Optional<String> notReadyToSell(long productId) {
        boolean released = !em.createQuery("SELECT r.version FROM CourseRelease r WHERE r.productId = :product", Integer.class)
                .setParameter("product", productId).setMaxResults(1).getResultList().isEmpty();
        return released ? Optional.empty()
                : Optional.of("Publish the course's lessons first (on the course page): buyers get the published course");
    }
}
