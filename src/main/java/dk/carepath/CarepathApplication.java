package dk.carepath;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Carepath: telemedicine home monitoring of people with heart failure, run as executable BPMN
 * (Camunda 7) with Drools deciding. Each sub-package is a feature module; see docs/architecture.md.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CarepathApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarepathApplication.class, args);
    }
}
