package io.skillform.platform;

/** For the few pages written by hand rather than by Faces (dev tools): text made safe inside HTML. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
