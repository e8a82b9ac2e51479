package io.skillform.identity;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.mgt.RememberMeManager;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.subject.SubjectContext;

/**
 * SkillForm never remembers a log-in beyond the session (30 minutes idle). Shiro's default cookie manager
 * would still write a "rememberMe=deleteMe" cookie on every log-in, including each API call; this one does nothing.
 */
public class NoRememberMe implements RememberMeManager {

    @Override
    public PrincipalCollection getRememberedPrincipals(SubjectContext subjectContext) {
        return null;
    }

    @Override
    public void forgetIdentity(SubjectContext subjectContext) {
        // nothing was remembered
    }

    @Override
    public void onSuccessfulLogin(Subject subject, AuthenticationToken token, AuthenticationInfo info) {
        // nothing to remember
    }

    @Override
    public void onFailedLogin(Subject subject, AuthenticationToken token, AuthenticationException ae) {
        // nothing to forget
    }

    @Override
    public void onLogout(Subject subject) {
        // nothing to forget
    }
}
