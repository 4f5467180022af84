package vn.binhyen.bulletins.web;

import java.util.ArrayList;
import java.util.List;
import vn.binhyen.bulletins.BulletinView;
import vn.binhyen.directory.Directory;

/** The audience in words: "Tỉnh Đắk Lắk", "Phường Tân An", "Thôn 1 (Xã Krông Búk)". */
final class AudienceNames {

    private AudienceNames() {}

    static List<String> of(Directory directory, BulletinView bulletin) {
        List<String> names = new ArrayList<>();
        for (String code : bulletin.communeCodes()) {
            directory.commune(code).ifPresent(c -> names.add(c.fullName()));
        }
        for (Long id : bulletin.villageIds()) {
            directory
                    .village(id)
                    .ifPresent(v -> names.add(v.name()
                            + directory
                                    .commune(v.communeCode())
                                    .map(c -> " (" + c.fullName() + ")")
                                    .orElse("")));
        }
        return names;
    }
}
