package vn.binhyen.bulletins.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.binhyen.bulletins.Audience;
import vn.binhyen.bulletins.BulletinDraft;
import vn.binhyen.bulletins.BulletinException;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.BulletinView;
import vn.binhyen.shared.VietnamTime;

/** The editor's fields, bound from the form. */
public class BulletinForm {

    private @Nullable Long id;
    private @Nullable Long correctsId;
    private BulletinKind kind = BulletinKind.SECURITY;
    private String title = "";
    private String body = "";
    private boolean provinceWide;
    private List<String> communeCodes = List.of();
    private List<Long> villageIds = List.of();
    private boolean toFollowers = true;
    private boolean toGroups = true;
    private boolean toArticle;
    private boolean toBroadcast;
    private String publishAt = "";

    static BulletinForm of(BulletinView view) {
        BulletinForm form = new BulletinForm();
        form.id = view.id();
        form.correctsId = view.correctsId();
        form.kind = view.kind();
        form.title = view.title();
        form.body = view.body();
        form.provinceWide = view.provinceWide();
        form.communeCodes = view.communeCodes();
        form.villageIds = view.villageIds();
        form.toFollowers = view.toFollowers();
        form.toGroups = view.toGroups();
        form.toArticle = view.toArticle();
        form.toBroadcast = view.toBroadcast();
        form.publishAt = view.publishAt() == null
                ? ""
                : LocalDateTime.ofInstant(view.publishAt(), VietnamTime.ZONE)
                        .withSecond(0)
                        .withNano(0)
                        .toString();
        return form;
    }

    /** A correction starts as a copy of the bulletin it corrects. */
    static BulletinForm correcting(BulletinView view) {
        BulletinForm form = of(view);
        form.id = null;
        form.correctsId = view.id();
        form.publishAt = "";
        return form;
    }

    BulletinDraft draft() {
        Instant at = null;
        if (!publishAt.isBlank()) {
            try {
                at = LocalDateTime.parse(publishAt.strip())
                        .atZone(VietnamTime.ZONE)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new BulletinException("bulletins.error.publishAtInvalid", "Unreadable publish time");
            }
        }
        Set<String> communes = new LinkedHashSet<>(communeCodes == null ? List.of() : communeCodes);
        Set<Long> villages = new LinkedHashSet<>(villageIds == null ? List.of() : villageIds);
        return new BulletinDraft(
                kind == null ? BulletinKind.SECURITY : kind,
                title == null ? "" : title,
                body == null ? "" : body,
                new Audience(provinceWide, communes, villages, toFollowers, toGroups, toArticle, toBroadcast),
                at,
                correctsId);
    }

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public @Nullable Long getCorrectsId() {
        return correctsId;
    }

    public void setCorrectsId(@Nullable Long correctsId) {
        this.correctsId = correctsId;
    }

    public BulletinKind getKind() {
        return kind;
    }

    public void setKind(BulletinKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isProvinceWide() {
        return provinceWide;
    }

    public void setProvinceWide(boolean provinceWide) {
        this.provinceWide = provinceWide;
    }

    public List<String> getCommuneCodes() {
        return communeCodes;
    }

    public void setCommuneCodes(List<String> communeCodes) {
        this.communeCodes = communeCodes;
    }

    public List<Long> getVillageIds() {
        return villageIds;
    }

    public void setVillageIds(List<Long> villageIds) {
        this.villageIds = villageIds;
    }

    public boolean isToFollowers() {
        return toFollowers;
    }

    public void setToFollowers(boolean toFollowers) {
        this.toFollowers = toFollowers;
    }

    public boolean isToGroups() {
        return toGroups;
    }

    public void setToGroups(boolean toGroups) {
        this.toGroups = toGroups;
    }

    public boolean isToArticle() {
        return toArticle;
    }

    public void setToArticle(boolean toArticle) {
        this.toArticle = toArticle;
    }

    public boolean isToBroadcast() {
        return toBroadcast;
    }

    public void setToBroadcast(boolean toBroadcast) {
        this.toBroadcast = toBroadcast;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }
}
