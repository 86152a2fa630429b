package dk.carepath.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.carepath.region.OrganisationKind;
import org.junit.jupiter.api.Test;

/** A group id says both the organisation and the role; other groups are no memberships. */
class MembershipTest {

    @Test
    void shouldReadTheOrganisationAndTheRoleFromTheGroupId() {
        assertThat(Membership.ofGroup("kommune-751.municipal-nurse")).contains(new Membership("kommune-751", Role.MUNICIPAL_NURSE));
        assertThat(Membership.ofGroup("hjerteklinik-auh.hf-nurse").orElseThrow().groupId()).isEqualTo("hjerteklinik-auh.hf-nurse");
        assertThat(Membership.ofGroup("camunda-admin")).isEmpty();
        assertThat(Membership.ofGroup("hf-nurse")).as("a role for the whole country is no membership").isEmpty();
        assertThat(Membership.ofGroup("kommune-751.chief")).as("an unknown role").isEmpty();
        assertThat(Membership.ofGroup("Kommune 751.gp")).as("not an organisation id").isEmpty();
        assertThat(Membership.ofGroup(null)).isEmpty();
        assertThatThrownBy(() -> new Membership("x", Role.GP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowWhichKindsOfOrganisationEachRoleWorksIn() {
        assertThat(Role.HF_NURSE.worksIn(OrganisationKind.CLINIC)).isTrue();
        assertThat(Role.HF_NURSE.worksIn(OrganisationKind.MUNICIPALITY)).isFalse();
        assertThat(Role.MANAGER.worksIn(OrganisationKind.MUNICIPALITY)).isTrue();
        assertThat(Role.PROCESS_OWNER.worksIn(OrganisationKind.CLINIC)).isFalse();
        assertThat(Role.monitoringNurseOf(OrganisationKind.MUNICIPALITY)).contains(Role.MUNICIPAL_NURSE);
        assertThat(Role.monitoringNurseOf(OrganisationKind.GP_PRACTICE)).isEmpty();
        assertThat(Role.MEASUREMENT_SENDER.worksIn(OrganisationKind.REGION)).as("an integration client's role").isFalse();
    }
}
