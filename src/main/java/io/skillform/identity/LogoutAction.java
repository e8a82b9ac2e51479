package io.skillform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;

/** Log-out is a POST from the header's form (a GET link could be triggered by any other site). */
@Named
@RequestScoped
public class LogoutAction {

    public void logOut() throws IOException {
        SecurityUtils.getSubject().logout(); // invalidates the session
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/");
    }
}
