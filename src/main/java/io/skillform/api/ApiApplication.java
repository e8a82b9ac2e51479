package io.skillform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Everything under /api is the REST API; versions are path segments (/api/v1/…). */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
