package io.skillform.identity;

/** A token just created: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(long id, String name, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + "]";
    }
}
