package dk.carepath.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as it is written, nothing guessed: a number is not taken for a text or a yes/no, a text not
 * for a number, an empty text not for nothing. A sender that sends the wrong kind gets the field
 * named, not a value Carepath made up. (The features Spring Boot names are in application.yaml.)
 */
@Configuration
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictCoercions() {
        return builder -> builder.postConfigurer(mapper -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            }
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
    }
}
