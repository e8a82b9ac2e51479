package io.skillform.payment;

/** The PSP's answer to a refund: its id and status (succeeded, pending, failed…). */
public record RefundResult(String id, String status) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status) || "canceled".equals(status);
    }
}
