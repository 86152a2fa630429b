package dk.carepath.measurement;

import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.Role;
import dk.carepath.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may record a measurement for whom: the measurement platform for any citizen (it serves the
 * region's tablets and reads nothing back but its own submissions' answers); a nurse only for the
 * citizens her organisation serves.
 */
@Component
class IntakeAccess {

    private final CitizenAccess access;

    IntakeAccess(CitizenAccess access) {
        this.access = access;
    }

    /** @throws ProblemException 404 naming the first measurement whose citizen the nurse's organisation does not serve */
    void check(List<MeasurementInput> inputs, String prefix, String suffix) {
        if (isMeasurementPlatform()) {
            return;
        }
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput m = inputs.get(i);
            if (!access.may(m.citizenId(), CitizenData.CLINICAL)) {
                String field = prefix == null ? "citizenId" : prefix + "[" + i + "]" + suffix + "citizenId";
                throw new ProblemException(HttpStatus.NOT_FOUND, field,
                        "no citizen with id " + m.citizenId() + " among the citizens your organisation serves");
            }
        }
    }

    /** @throws ProblemException 404 naming the field when the citizen is not one the nurse's organisation serves */
    void check(UUID citizenId, String field) {
        if (!isMeasurementPlatform() && !access.may(citizenId, CitizenData.CLINICAL)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, field, "no measurement of a citizen your organisation serves");
        }
    }

    /** the platform is an integration client: its role is not held in an organisation */
    private static boolean isMeasurementPlatform() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.MEASUREMENT_SENDER.id()));
    }
}
