package io.skillform.payment;

import java.util.List;

/** One page of a PSP's event list, newest first, as raw JSON; {@code hasMore} asks for the next page. */
public record EventPage(List<String> rawEvents, boolean hasMore, String lastId) {
}
