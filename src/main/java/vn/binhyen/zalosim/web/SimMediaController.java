package vn.binhyen.zalosim.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/** The simulated Zalo CDN: photos residents sent from the simulated phone. */
@RestController
@SimulatorOnly
class SimMediaController {

    private final SimWorld world;

    SimMediaController(SimWorld world) {
        this.world = world;
    }

    @GetMapping("/sim/zalo/media/{id}")
    ResponseEntity<byte[]> media(@PathVariable String id) {
        return world.media(id)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .cacheControl(CacheControl.noStore())
                        .body(bytes))
                .orElse(ResponseEntity.notFound().build());
    }
}
