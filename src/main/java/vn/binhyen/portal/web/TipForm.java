package vn.binhyen.portal.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import vn.binhyen.reports.TipCategory;
import vn.binhyen.shared.text.TypedText;

/** The resident's tip form as typed. Photos are checked by the reports module's attachment policy. */
class TipForm {

    @NotNull(message = "{tip.category.required}")
    private TipCategory category;

    @NotBlank(message = "{tip.description.required}")
    @Size(min = 10, max = 5000, message = "{tip.description.size}")
    private String description;

    /** From an {@code <input type="datetime-local">}, Vietnam time; parsed by the controller. */
    private String occurredAt;

    private Long villageId;

    @Size(max = 300, message = "{tip.place.size}")
    private String place;

    /**
     * The map pin, set by tapping the map, never typed. One outside the Earth (NaN, Infinity, 91) means the page or the
     * phone's location went wrong; it used to fail deep in the reports module with a bare error page that lost the
     * whole tip. It is refused here, next to the map, with the pin cleared (tip-form.html) and everything typed kept:
     * the resident taps again or sends without one. Dropping it silently would send a tip they believe has a place.
     */
    @DecimalMin(value = "-90", message = "{tip.location.invalid}")
    @DecimalMax(value = "90", message = "{tip.location.invalid}")
    private Double latitude;

    @DecimalMin(value = "-180", message = "{tip.location.invalid}")
    @DecimalMax(value = "180", message = "{tip.location.invalid}")
    private Double longitude;

    private boolean urgent;
    private boolean anonymous = true;

    @Size(max = 120, message = "{tip.name.size}")
    private String fullName;

    @Pattern(regexp = "^$|^\\+?[0-9 .]{8,15}$", message = "{tip.phone.invalid}")
    private String phone;

    private boolean consent;

    private List<MultipartFile> photos = new ArrayList<>();

    /** Personal data is processed only with consent (Law 91/2025/QH15), or the tip is anonymous. */
    @AssertTrue(message = "{tip.consent.required}")
    public boolean isConsentGivenOrAnonymous() {
        boolean givesIdentity =
                !anonymous && ((fullName != null && !fullName.isBlank()) || (phone != null && !phone.isBlank()));
        return !givesIdentity || consent;
    }

    public TipCategory getCategory() {
        return category;
    }

    public void setCategory(TipCategory category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    /** Checked as it will be kept (line breaks as one character, no spaces around), not as the browser sent it. */
    public void setDescription(String description) {
        this.description = TypedText.normalized(description);
    }

    public String getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(String occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = TypedText.normalized(place);
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public List<MultipartFile> getPhotos() {
        return photos;
    }

    public void setPhotos(List<MultipartFile> photos) {
        this.photos = photos;
    }
}
