package dk.carepath.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the code behind a process promises its model: the variables it carries that no element of the
 * model sets — those the code that starts or correlates it sets (a referral's facts), and those its
 * listeners put on tasks (a task's citizen page). The model check ({@code ModelCheck}) holds a decision's
 * inputs and a form's read-only fields to them; a process without a contract (a new one from the
 * Modeler) has only what its own model sets. Each feature that owns a process declares one as a bean.
 */
public interface ProcessContract {

    /** the process's key (its BPMN process id) */
    String processKey();

    /** the variables' names */
    Set<String> variables();

    /** a contract of the {@link ProcessVariable} constants of a backing class's {@code Vars}, and some more names */
    static ProcessContract of(String processKey, Class<?> vars, Collection<String> more) {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : vars.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                try {
                    field.setAccessible(true);
                    names.add(((ProcessVariable<?>) field.get(null)).name());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        names.addAll(more);
        Set<String> variables = Set.copyOf(names);
        return new ProcessContract() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public Set<String> variables() {
                return variables;
            }

            @Override
            public String toString() {
                return processKey + " " + variables;
            }
        };
    }
}
