package dk.carepath.engine;

import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and Java type in one place, so a backing class can list the
 * variables of its process and every reader converts the same way. Numbers submitted by Camunda
 * Forms arrive as Long or Double whatever the field meant; {@link #get} converts them.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public T get(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    public Optional<T> find(VariableScope scope) {
        return Optional.ofNullable(get(scope));
    }

    /** The value, or an error naming the variable: for values the model guarantees. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("process variable '" + name + "' is not set");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    public T convert(Object value) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number n) {
            if (type == Integer.class) return type.cast(n.intValue());
            if (type == Long.class) return type.cast(n.longValue());
            if (type == Double.class) return type.cast(n.doubleValue());
            if (type == BigDecimal.class) return type.cast(new BigDecimal(n.toString()));
        }
        if (value instanceof String s) {
            if (s.isBlank()) return null;
            if (type == Boolean.class) return type.cast(Boolean.valueOf(s));
            if (type == Integer.class) return type.cast(Integer.valueOf(s.trim()));
            if (type == BigDecimal.class) return type.cast(new BigDecimal(s.trim()));
        }
        throw new IllegalArgumentException("process variable '" + name + "' is a "
                + value.getClass().getSimpleName() + ", expected " + type.getSimpleName());
    }
}
