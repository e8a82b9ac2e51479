package io.skillform.catalog;

import io.skillform.identity.CurrentAccount;
import io.skillform.platform.PageMessages;
import io.skillform.platform.PageResponses;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;

/** Backs /dashboard/store: the store's profile as its page shows it (name, about, links, avatar, banner), and the mail per sale. */
@Named
@ViewScoped
public class StoreSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Catalog catalog;

    @Inject
    private ProductMedia media;

    @Inject
    private CurrentAccount me;

    private Store store;
    private String name;
    private String description;
    private String links;
    private boolean saleMails;

    @PostConstruct
    void load() {
        catalog.storeOf(me.requireId()).ifPresent(found -> {
            StoreProfile profile = found.profile();
            store = found;
            name = profile.name();
            description = profile.description();
            links = profile.links().stream().map(URI::toString).collect(Collectors.joining("\n"));
            saleMails = profile.saleMails();
        });
    }

    public String save() {
        List<URI> parsed;
        StoreProfile profile;
        try {
            parsed = StoreProfile.links(links);
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("store:links", e.getMessage());
            return null;
        }
        try {
            profile = new StoreProfile(name, description, parsed, saleMails);
        } catch (IllegalArgumentException e) {
            PageMessages.errorFor("store:description", e.getMessage());
            return null;
        }
        try {
            catalog.changeStoreProfile(me.requireId(), profile);
            PageMessages.info("storeSettings.saved");
            return PageResponses.reloadPage();
        } catch (CatalogException e) {
            PageMessages.errorText(e.getMessage());
            return null;
        }
    }

    public void uploadAvatar(FileUploadEvent event) {
        upload(StoreImage.AVATAR, "avatar:upload", event);
    }

    public void uploadBanner(FileUploadEvent event) {
        upload(StoreImage.BANNER, "banner:upload", event);
    }

    private void upload(StoreImage image, String where, FileUploadEvent event) {
        boolean stored = PageUploads.run(where, () -> {
            try (InputStream content = event.getFile().getInputStream()) {
                media.changeStoreImage(me.requireId(), image, content);
                return event.getFile().getFileName();
            }
        }, "storeSettings.imageChanged");
        if (stored) {
            store = catalog.storeOf(me.requireId()).orElseThrow();
        }
    }

    public Optional<Store> getStore() {
        return Optional.ofNullable(store);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLinks() {
        return links;
    }

    public void setLinks(String links) {
        this.links = links;
    }

    public boolean isSaleMails() {
        return saleMails;
    }

    public void setSaleMails(boolean saleMails) {
        this.saleMails = saleMails;
    }
}
