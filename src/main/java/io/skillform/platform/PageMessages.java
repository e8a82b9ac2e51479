package io.skillform.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** Messages to the user on a page, from the one resource bundle ({@code io.skillform.messages}). */
public final class PageMessages {

    private PageMessages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        String pattern = ResourceBundle.getBundle("io.skillform.messages", locale).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, arguments));
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    /** Shows a message that a service produced for the user (e.g. an {@code IdentityException}'s). */
    public static void errorText(String message) {
        add(FacesMessage.SEVERITY_ERROR, message);
    }

    /** A message shown next to one field (its client id, e.g. "editor:price"). */
    public static void errorFor(String clientId, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    /**
     * A message shown by the messages of one component (its client id, e.g. "files:upload"), not at the top
     * of the page: about an upload, next to the upload.
     */
    public static void infoAt(String clientId, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    public static void errorAt(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /**
     * A refused form's problems (field id → message), each shown at its field and the field marked invalid, so
     * that screen readers and the page's style show which one; a problem without such a field shows on top.
     */
    public static void errorsFor(String formId, Map<String, String> problems) {
        FacesContext faces = FacesContext.getCurrentInstance();
        problems.forEach((field, message) -> {
            UIComponent component = faces.getViewRoot().findComponent(formId + UINamingContainer.getSeparatorChar(faces) + field);
            if (component instanceof UIInput input) {
                input.setValid(false);
                faces.addMessage(input.getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            } else {
                add(FacesMessage.SEVERITY_ERROR, message);
            }
        });
        faces.validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
