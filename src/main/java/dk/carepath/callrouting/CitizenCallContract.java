package dk.carepath.callrouting;

import dk.carepath.engine.ProcessContract;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The citizen call's variables that its model does not set itself ({@link CitizenCall.Vars}), for the model check. */
@Configuration
class CitizenCallContract {

    @Bean
    static ProcessContract citizenCallProcess() {
        return ProcessContract.of(CitizenCall.KEY, CitizenCall.Vars.class, List.of());
    }
}
