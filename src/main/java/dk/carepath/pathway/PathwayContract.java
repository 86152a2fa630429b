package dk.carepath.pathway;

import dk.carepath.engine.ProcessContract;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pathway's variables that its model does not set itself, for the model check: {@link HeartFailurePathway.Vars}, the
 * referral's facts the inclusion rules read ({@link Referrals} starts the process with them), and what the listeners put on
 * tasks for their forms.
 */
@Configuration
class PathwayContract {

    @Bean
    static ProcessContract heartFailurePathwayProcess() {
        List<String> more = new ArrayList<>(ClinicalFacts.VARIABLES);
        more.addAll(List.of(InclusionTaskDetails.REFERRAL_FACTS, InclusionTaskDetails.ELIGIBILITY_TEXT, PathwayEnginePlugin.CITIZEN_PAGE,
                PathwayEnginePlugin.CITIZEN_SEARCH, PathwayEnginePlugin.CITIZEN_PHONE, PathwayEnginePlugin.CONTACT_PERSON,
                MeasurementDigestListener.REVIEW_MEASUREMENTS, MeasurementDigestListener.RECENT_WEIGHTS));
        return ProcessContract.of(HeartFailurePathway.KEY, HeartFailurePathway.Vars.class, more);
    }
}
