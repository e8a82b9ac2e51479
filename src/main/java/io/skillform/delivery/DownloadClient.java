package io.skillform.delivery;

/** Who follows a download link, as the log records it: their address and what their browser calls itself. */
public record DownloadClient(String address, String userAgent) {

    public DownloadClient {
        if (address == null || address.isEmpty() || address.length() > 45) {
            throw new IllegalArgumentException("A remote address is 1–45 characters");
        }
    }
}
