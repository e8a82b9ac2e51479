package io.skillform.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum constants as the API writes them: lower case ({@code pay_what_you_want}). */
final class Enums {

    private Enums() {
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enums::name).collect(Collectors.joining(", "));
    }

    /** A parameter naming a constant; absent (null) is empty, anything unknown is a 400 naming the parameter. */
    static <E extends Enum<E>> Optional<E> parse(String parameter, String value, Class<E> type) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> name(constant).equals(value)).findFirst()
                .or(() -> {
                    throw new ApiException(Problem.invalid(parameter, "must be one of " + names(type)));
                });
    }
}
