package dk.carepath.equipment;

import dk.carepath.engine.ProcessContract;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The equipment fault's variables that its model does not set itself ({@link EquipmentFault.Vars}), for the model check. */
@Configuration
class EquipmentFaultContract {

    @Bean
    static ProcessContract equipmentFaultProcess() {
        return ProcessContract.of(EquipmentFault.KEY, EquipmentFault.Vars.class, List.of());
    }
}
