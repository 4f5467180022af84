package vn.binhyen.zalo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Binding a commune police page's Zalo OA to BinhYen. The app secret signs token requests; the OA secret key (from
 * the app's webhook settings, a different value) verifies webhook signatures. Neither is ever shown or logged.
 */
public record NewOfficialAccount(
        @NotBlank(message = "{zalo.oa.commune.required}")
        @Pattern(regexp = "[0-9]{5}", message = "{zalo.oa.commune.invalid}")
        String communeCode,

        @NotBlank(message = "{zalo.oa.id.required}") @Pattern(regexp = "[0-9]{1,32}", message = "{zalo.oa.id.invalid}")
        String oaId,

        @NotBlank(message = "{zalo.oa.app.required}")
        @Pattern(regexp = "[0-9]{1,32}", message = "{zalo.oa.app.invalid}")
        String appId,

        @NotBlank(message = "{zalo.oa.name.required}") @Size(max = 200, message = "{zalo.oa.name.size}")
        String name,

        @NotBlank(message = "{zalo.oa.secret.required}") @Size(max = 200, message = "{zalo.oa.secret.size}")
        String appSecret,

        @NotBlank(message = "{zalo.oa.secret.required}") @Size(max = 200, message = "{zalo.oa.secret.size}")
        String oaSecretKey) {

    @Override
    public String toString() {
        return "NewOfficialAccount[" + oaId + ", commune " + communeCode + ", secrets protected]";
    }
}
