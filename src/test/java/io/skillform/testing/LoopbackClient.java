package io.skillform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor at another address of the loopback network (127.x.y.z), filling in the site's JSF forms. The server sees
 * that address as the client's, as it would a visitor elsewhere — what per-address throttling is about. HttpClient
 * cannot choose its local address, so this speaks HTTP/1.0 over a plain socket bound to it (one request a connection).
 */
public final class LoopbackClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern MESSAGE = Pattern.compile("<li class=\"sf-message-(?:error|info)\"[^>]*>(.*?)</li>", Pattern.DOTALL);

    private final InetAddress local;
    private final URL base;
    private String cookie;
    private String viewState;

    public LoopbackClient(URL base, String localAddress) {
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = base;
    }

    /** An address of the loopback network of its own (127.x.y.z), for a visitor the server sees as a new one. */
    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /** Opens a page (a new visitor's first request starts the session its form needs). */
    public LoopbackClient open(String path) {
        String body = exchange("GET " + path + " HTTP/1.0\r\n" + headers() + "\r\n");
        Matcher state = VIEW_STATE.matcher(body);
        if (!state.find()) {
            throw new AssertionError("no JSF form on " + path + ": " + body);
        }
        viewState = state.group(1);
        return this;
    }

    /**
     * Submits the form of the page opened last (posted back to the same path, as JSF does) with the button; returns
     * the message the answer shows.
     */
    public String submit(String path, String form, Map<String, String> fields) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(form, form);
        fields.forEach((name, value) -> params.put(form + ":" + name, value));
        params.put(form + ":submit", "submit");
        params.put("jakarta.faces.ViewState", viewState);
        String encoded = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        byte[] payload = encoded.getBytes(StandardCharsets.UTF_8);
        String body = exchange("POST " + path + " HTTP/1.0\r\n" + headers() + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + payload.length + "\r\n\r\n" + encoded);
        return message(body).orElseThrow(() -> new AssertionError("no message in the answer to " + path + ": " + body));
    }

    private String headers() {
        return "Host: " + base.getHost() + ":" + base.getPort() + "\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n");
    }

    private String exchange(String request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            Matcher session = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\\r\\n]+)").matcher(response.substring(0, Math.max(end, 0)));
            if (session.find()) {
                cookie = session.group(1);
            }
            return response.substring(end + 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first message (error or info) on a page, as the visitor reads it. */
    static Optional<String> message(String html) {
        Matcher found = MESSAGE.matcher(html);
        return found.find() ? Optional.of(unescape(found.group(1).replaceAll("<[^>]+>", "").strip())) : Optional.empty();
    }

    private static String unescape(String text) {
        Matcher entity = Pattern.compile("&#(\\d+);").matcher(text);
        StringBuilder plain = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(plain, Matcher.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))));
        }
        entity.appendTail(plain);
        return plain.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
