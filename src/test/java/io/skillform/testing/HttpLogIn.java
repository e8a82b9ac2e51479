package io.skillform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in through the log-in page over plain HTTP, as a browser would (its form and view state posted back), for
 * tests that need a browser's session without a browser: what the session cookie looks like, what it may do.
 */
public final class HttpLogIn {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /** The session signed in, as its cookie ({@code JSESSIONID=…}), and the Set-Cookie header that set it. */
    public record Session(String cookie, String setCookie) {
    }

    private HttpLogIn() {
    }

    public static Session as(String baseUrl, String email, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String anonymous = sessionCookie(page.headers().allValues("Set-Cookie"));
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (!viewState.find()) {
            throw new AssertionError("no view state on /login: " + page.body());
        }
        String form = Map.of("login", "login", "login:email", email, "login:password", password, "login:submit", "Log in",
                        "jakarta.faces.ViewState", viewState.group(1)).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Cookie", "JSESSIONID=" + anonymous).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new AssertionError("log-in as " + email + " answered " + signedIn.statusCode() + ": " + signedIn.body());
        }
        // The session id changes at log-in: the new cookie is the signed-in one.
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no new session cookie at log-in: " + signedIn.headers().map()));
        return new Session("JSESSIONID=" + sessionCookie(List.of(setCookie)), setCookie);
    }

    private static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no JSESSIONID in " + setCookies));
    }
}
