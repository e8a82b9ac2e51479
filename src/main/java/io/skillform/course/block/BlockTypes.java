package io.skillform.course.block;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every block type the application has: the CDI beans implementing {@link BlockType}, by name. */
@Named("blockTypes")
@ApplicationScoped
public class BlockTypes {

    @Inject
    @Any
    private Instance<BlockType> found;

    private Map<String, BlockType> byName;

    @PostConstruct
    void collect() {
        Map<String, BlockType> types = new LinkedHashMap<>();
        found.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(type -> {
            if (types.putIfAbsent(type.name(), type) != null) {
                throw new IllegalStateException("Two block types are named " + type.name());
            }
        });
        byName = Collections.unmodifiableMap(types);
    }

    public Optional<BlockType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws BlockException for a name no type has */
    public BlockType require(String name) {
        return find(name).orElseThrow(() -> new BlockException("type", "There is no block type " + name));
    }

    /** Every type, by name: a list, which Facelets' {@code c:forEach} indexes. */
    public List<BlockType> all() {
        return List.copyOf(byName.values());
    }
}
