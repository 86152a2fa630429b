package dk.carepath.engine;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' own copy of the engine REST API ({@code /camunda/api/engine}, what Tasklist and Cockpit
 * call with the user's session) is a JAX-RS application of its own, without the exception mappers of
 * {@code /engine-rest}: a claim or completion that lost a race answered 500 there. This registers
 * that servlet before Camunda's webapp initializer does, with Camunda's application plus
 * {@link EngineRestConfig}'s mappers (409 for a lost race, 400 for a refused form, 403/422 for a
 * refused claim) and {@link LostRaceMapper}; Camunda's initializer then finds the servlet registered and leaves it.
 */
@Configuration
class WebappEngineApi {

    /** the name Camunda's webapp initializer gives the servlet, by which it sees that it is registered */
    static final String SERVLET = "Engine Api";

    @Bean
    ServletContextInitializer webappEngineApiServlet(CamundaBpmProperties camunda) {
        return new Registration(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    }

    record Registration(String mapping) implements ServletContextInitializer, Ordered {
        @Override
        public void onStartup(ServletContext context) {
            ServletRegistration.Dynamic servlet = context.addServlet(SERVLET, ServletContainer.class);
            if (servlet == null) {
                throw new IllegalStateException("the webapps' engine API (" + SERVLET + ") was registered before Carepath's mappers");
            }
            servlet.addMapping(mapping);
            servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", Application.class.getName()));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Camunda's webapp engine API with Carepath's exception mappers. */
    public static class Application extends EngineRestApplication {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new HashSet<>(super.getClasses());
            classes.add(EngineRestConfig.FormValidationMapper.class);
            classes.add(EngineRestConfig.WrappedFormValidationMapper.class);
            classes.add(EngineRestConfig.DatabaseUnavailableMapper.class);
            classes.add(LostRaceMapper.class);
            return classes;
        }
    }
}
