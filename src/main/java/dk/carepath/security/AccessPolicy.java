package dk.carepath.security;

import static dk.carepath.security.CitizenData.ACCESS_LOG;
import static dk.carepath.security.CitizenData.CALLS;
import static dk.carepath.security.CitizenData.CLINICAL;
import static dk.carepath.security.CitizenData.CONTACT;
import static dk.carepath.security.CitizenData.CPR;
import static dk.carepath.security.CitizenData.IDENTITY;
import static dk.carepath.security.CitizenData.KIT;
import static dk.carepath.security.CitizenData.PATHWAY;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Need to know, as one table: which kinds of citizen data each role sees of the citizens its
 * organisation serves. <em>Whose</em> citizens follows from the organisation (see
 * {@link CitizenAccess}): a clinic's staff its clinic's citizens, a municipality's its own
 * citizens, a GP practice its listed patients, a service center or region its region's citizens.
 * docs/access.md shows this table; the access-matrix test holds the API to it.
 */
public final class AccessPolicy {

    static final Map<Role, Set<CitizenData>> SEES = new EnumMap<>(Role.class);

    static {
        SEES.put(Role.HF_NURSE, EnumSet.of(IDENTITY, CONTACT, CPR, CALLS, KIT, PATHWAY, CLINICAL));
        SEES.put(Role.CARDIOLOGIST, EnumSet.of(IDENTITY, CONTACT, CPR, CALLS, KIT, PATHWAY, CLINICAL));
        // municipal nurses support the citizen's self-management and take over monitoring after a handover [002 §5.2]
        SEES.put(Role.MUNICIPAL_NURSE, EnumSet.of(IDENTITY, CONTACT, CPR, CALLS, KIT, PATHWAY, CLINICAL));
        // the front desk passes a message on for a call-back [000]: who, how to reach them, their calls
        SEES.put(Role.MUNICIPAL_FRONTDESK, EnumSet.of(IDENTITY, CONTACT, CALLS));
        // the GP takes over after discharge [002 §5.3]: the pathway and the letters, not the measurements
        SEES.put(Role.GP, EnumSet.of(IDENTITY, CONTACT, CPR, PATHWAY));
        // the service center delivers, swaps and collects kits [002 §6.1]: no clinical data
        SEES.put(Role.SERVICE_CENTER, EnumSet.of(IDENTITY, CONTACT, KIT));
        // managers review who accessed their organisation's citizens [002 Bilag 2]; KPIs are aggregates
        SEES.put(Role.MANAGER, EnumSet.of(ACCESS_LOG));
        SEES.put(Role.PROCESS_OWNER, EnumSet.noneOf(CitizenData.class));
        // the measurement platform writes measurements and reads nothing about citizens
        SEES.put(Role.MEASUREMENT_SENDER, EnumSet.noneOf(CitizenData.class));
    }

    private AccessPolicy() {
    }

    public static Set<CitizenData> sees(Role role) {
        Set<CitizenData> sees = SEES.get(role);
        return sees == null || sees.isEmpty() ? EnumSet.noneOf(CitizenData.class) : EnumSet.copyOf(sees);
    }
}
