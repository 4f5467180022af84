package vn.binhyen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** BinhYen: Zalo and web channels, one officer inbox and the register of tips for commune police. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class BinhYenApplication {

    public static void main(String[] args) {
        SpringApplication.run(BinhYenApplication.class, args);
    }
}
