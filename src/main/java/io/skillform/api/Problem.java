package io.skillform.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the body of every API error. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /**
     * 400 for request fields that are wrong, each named with what is wrong with it ({@code errors}: an extension
     * member, as RFC 9457 §3.2 allows), so a client can show the message next to its field.
     */
    public static Response invalid(String field, String message) {
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", Response.Status.BAD_REQUEST.getReasonPhrase())
                .add("status", 400)
                .add("detail", detail(field, message))
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", field).add("message", message)))
                .build().toString();
        return Response.status(Response.Status.BAD_REQUEST).type(MEDIA_TYPE).entity(body).build();
    }

    /**
     * "email is required…" for the API's own phrasing, which continues the field's name; "slug: A slug is…" for a
     * domain rule's refusal, which is a sentence of its own.
     */
    private static String detail(String field, String message) {
        return Character.isUpperCase(message.codePointAt(0)) ? field + ": " + message : field + " " + message;
    }

    public static Response response(Response.Status status, String detail) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    /** For statuses the JAX-RS enum lacks, such as 422 Unprocessable Content. */
    public static Response response(int status, String title, String detail) {
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build().toString();
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
