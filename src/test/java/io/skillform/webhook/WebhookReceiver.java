package io.skillform.webhook;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A creator's webhook receiver for the tests, deployed beside the application (on the test server's loopback address,
 * which the test server allows): each path is one receiver that records every request and answers with the statuses
 * planned for it, then 200.
 */
@WebServlet("/it-webhook-receiver/*")
public class WebhookReceiver extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String contentType, String body, Instant at, int answered) {
    }

    private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, ConcurrentLinkedQueue<Integer>> PLANNED = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ALWAYS = new ConcurrentHashMap<>();

    public static void answer(String name, Integer... statuses) {
        PLANNED.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
    }

    public static void alwaysAnswer(String name, int status) {
        ALWAYS.put(name, status);
    }

    public static void stopFailing(String name) {
        ALWAYS.remove(name);
    }

    public static List<Received> received(String name) {
        return List.copyOf(RECEIVED.getOrDefault(name, List.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo().substring(1);
        Integer planned = PLANNED.getOrDefault(name, new ConcurrentLinkedQueue<>()).poll();
        int status = ALWAYS.getOrDefault(name, planned == null ? 200 : planned);
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(new Received(request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), request.getContentType(), body,
                Instant.now(), status));
        response.setStatus(status);
        response.getWriter().write(status == 200 ? "thanks" : "receiver says " + status);
    }
}
