package vn.binhyen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** With the prod profile BinhYen refuses to start on a guess: no database, no master key or a demo means no start. */
class ProductionProfileTests {

    private static final String[] UNREACHABLE_DATABASE = {
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
        "--spring.datasource.username=x",
        "--spring.datasource.password=x",
        "--spring.flyway.enabled=false",
        "--spring.datasource.hikari.initialization-fail-timeout=-1",
        "--spring.datasource.hikari.connection-timeout=250"
    };

    /** Command-line arguments, so they win over application-prod.properties as an operator's would. */
    private static void startProd(String... arguments) {
        String[] all = Arrays.copyOf(
                new String[] {
                    "--server.port=0",
                    "--binhyen.zalo.public-base-url=https://binhyen.example",
                    // JSON logs would stay switched on for every later test in this JVM.
                    "--logging.structured.format.console="
                },
                3 + arguments.length);
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        new SpringApplicationBuilder(BinhYenApplication.class)
                .profiles("prod")
                .run(all)
                .close();
    }

    private static String[] withUnreachableDatabase(String... more) {
        String[] all = Arrays.copyOf(UNREACHABLE_DATABASE, UNREACHABLE_DATABASE.length + more.length);
        System.arraycopy(more, 0, all, UNREACHABLE_DATABASE.length, more.length);
        return all;
    }

    @Test
    void refusesToStartWithoutAnExternalDatabase() {
        assertThatThrownBy(ProductionProfileTests::startProd).hasStackTraceContaining("No external database");
    }

    @Test
    void refusesToStartWithoutAMasterKey() {
        assertThatThrownBy(() -> startProd(withUnreachableDatabase())).hasStackTraceContaining("No master key");
    }

    @Test
    void refusesTheDemoInProduction() {
        assertThatThrownBy(() -> startProd(withUnreachableDatabase(
                        "--binhyen.crypto.master-key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                        "--binhyen.demo.enabled=true")))
                .hasStackTraceContaining("not allowed with the prod profile");
    }
}
