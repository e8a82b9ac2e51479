package io.skillform.catalog;

import io.skillform.platform.PageMessages;
import io.skillform.storage.Sizes;
import io.skillform.storage.TooLargeException;
import java.io.IOException;

/** An upload from a page (a file, a cover, a store's banner), and what the page says of it next to the upload. */
final class PageUploads {

    /** Stores what was uploaded; returns its name for the message. */
    @FunctionalInterface
    interface Upload {
        String run() throws IOException;
    }

    private PageUploads() {
    }

    /**
     * @param where the upload component's client id, whose messages show the outcome
     * @return whether it was stored
     */
    static boolean run(String where, Upload upload, String successKey) {
        try {
            String name = upload.run();
            PageMessages.infoAt(where, successKey, name);
            return true;
        } catch (TooLargeException e) {
            PageMessages.errorAt(where, PageMessages.text("editor.tooLarge", Sizes.format(e.limit())));
        } catch (CatalogException e) {
            PageMessages.errorAt(where, e.getMessage());
        } catch (IOException e) {
            PageMessages.errorAt(where, PageMessages.text("editor.uploadFailed"));
        }
        return false;
    }
}
