package dk.carepath.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting, and in which organisations and roles: the login of an API call (Spring Security),
 * else the user of a task action in Tasklist or the engine REST API (Camunda's authentication).
 */
@Component
public class CurrentUser {

    /** Spring authority of a group membership; roles are {@code ROLE_<role>} as usual */
    static final String GROUP_AUTHORITY = "GROUP_";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    /** The Spring authorities of a user in these Camunda groups: each group, and the role it stands for. */
    static List<GrantedAuthority> authorities(Collection<String> groupIds) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String group : groupIds) {
            authorities.add(new SimpleGrantedAuthority(GROUP_AUTHORITY + group));
            Membership.ofGroup(group).ifPresentOrElse(
                    m -> authorities.add(new SimpleGrantedAuthority("ROLE_" + m.role().id())),
                    () -> authorities.add(new SimpleGrantedAuthority("ROLE_" + group)));
        }
        return List.copyOf(authorities);
    }

    public Optional<String> id() {
        Authentication spring = spring();
        if (spring != null) {
            return Optional.of(spring.getName());
        }
        var camunda = identity.getCurrentAuthentication();
        return camunda == null ? Optional.empty() : Optional.ofNullable(camunda.getUserId());
    }

    public Set<Membership> memberships() {
        return groupIds().stream().map(Membership::ofGroup).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The organisations in which the user holds one of these roles (any role if none is given). */
    public Set<String> organisations(Role... roles) {
        Set<Role> wanted = roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.of(roles[0], roles);
        return memberships().stream().filter(m -> wanted.contains(m.role())).map(Membership::organisationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        memberships().forEach(m -> roles.add(m.role()));
        return roles;
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return groupIds().contains(CAMUNDA_ADMIN);
    }

    private Set<String> groupIds() {
        Authentication spring = spring();
        if (spring != null) {
            return spring.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith(GROUP_AUTHORITY)).map(a -> a.substring(GROUP_AUTHORITY.length()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        var camunda = identity.getCurrentAuthentication();
        return camunda == null || camunda.getGroupIds() == null ? Set.of() : new LinkedHashSet<>(camunda.getGroupIds());
    }

    private static Authentication spring() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getName() != null && !"anonymousUser".equals(auth.getName()) ? auth : null;
    }
}
