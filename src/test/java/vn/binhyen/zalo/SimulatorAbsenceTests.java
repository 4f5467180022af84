package vn.binhyen.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/** With the simulator switched off (as in production) not one simulator bean exists and the adapter still runs. */
@SpringBootTest(properties = "binhyen.zalo.simulator.enabled=false")
class SimulatorAbsenceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void noSimulatorBeanExists() {
        var simulatorBeans = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    return type != null && type.getPackageName().startsWith("vn.binhyen.zalosim");
                })
                .toList();
        assertThat(simulatorBeans).isEmpty();
        assertThat(context.getBeansOfType(ZaloAccounts.class)).hasSize(1);
    }
}
