package io.skillform.platform;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stylesheets, scripts and images served by Faces ({@code /jakarta.faces.resource/…}) carry their version in their
 * address, so a browser may keep them for a year and still never use a stale one: ours get {@code v=} the start of
 * the SHA-256 of their bytes (a changed file is a new address), PrimeFaces' keep the {@code v=} of its release. A
 * request naming the current version is answered with {@code Cache-Control: public, max-age=31536000, immutable};
 * one naming another version (a page cached before a deployment) gets the current bytes, cached only briefly.
 * Registered in faces-config.xml.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern VERSION = Pattern.compile("[?&]v=([^&]+)");

    /** Content versions by library and name: resources change only with a deployment. */
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String name) {
        return versioned(super.createResource(name));
    }

    @Override
    public Resource createResource(String name, String library) {
        return versioned(super.createResource(name, library));
    }

    @Override
    public Resource createResource(String name, String library, String contentType) {
        return versioned(super.createResource(name, library, contentType));
    }

    private static Resource versioned(Resource resource) {
        return resource == null ? null : new Versioned(resource);
    }

    private static final class Versioned extends ResourceWrapper {

        Versioned(Resource wrapped) {
            super(wrapped);
        }

        @Override
        public String getRequestPath() {
            String path = super.getRequestPath();
            if (VERSION.matcher(path).find()) {
                return path;
            }
            return path + (path.contains("?") ? "&" : "?") + "v=" + contentVersion();
        }

        @Override
        public Map<String, String> getResponseHeaders() {
            // A copy: outside a resource request Faces answers with an immutable empty map.
            Map<String, String> headers = new HashMap<>(super.getResponseHeaders());
            String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("v");
            Matcher current = VERSION.matcher(getRequestPath());
            if (asked != null && current.find() && asked.equals(current.group(1))) {
                headers.put("Cache-Control", IMMUTABLE);
            }
            return headers;
        }

        private String contentVersion() {
            String key = getLibraryName() + "/" + getResourceName();
            return VERSIONS.computeIfAbsent(key, k -> {
                try (InputStream in = getInputStream()) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                    return HexFormat.of().formatHex(sha.digest(), 0, 6);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
