package dk.carepath.region;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A web-layer slice (the controller, validation and the problem-details answers; the services
 * stubbed): a process owner's change of an organisation is refused field by field before anything is
 * saved, and only in her own region. Access by role is the access matrix's (AccessMatrixTest).
 */
@WebMvcTest(OrganisationController.class)
@WithMockUser("owner")
class OrganisationControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Organisations organisations;
    @MockitoBean
    Stewardship stewardship;

    @Test
    void badFieldsAreProblemsNamingEachFieldAndNothingIsSaved() throws Exception {
        mvc.perform(put("/api/organisations/kommune-751").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MUNICIPALITY\", \"name\": \"\", \"region\": \"MIDT\", \"mailAddress\": \"not a mail\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "mailAddress")));
        mvc.perform(put("/api/organisations/Not An Id").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MUNICIPALITY\", \"name\": \"Aarhus\", \"region\": \"MIDT\"}"))
                .andExpect(status().isBadRequest());
        verify(organisations, never()).save(anyString(), any(), anyString(), anyString(), any());
    }

    @Test
    void anUnknownRegionAndAnotherRegionAreRefusedByTheRegionField() throws Exception {
        when(organisations.regionExists("MARS")).thenReturn(false);
        mvc.perform(put("/api/organisations/kommune-751").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MUNICIPALITY\", \"name\": \"Aarhus\", \"region\": \"MARS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));

        when(organisations.regionExists("SYD")).thenReturn(true);
        when(stewardship.regionsOfCurrentUser()).thenReturn(Set.of("MIDT"));
        when(organisations.find("kommune-751")).thenReturn(Optional.empty());
        mvc.perform(put("/api/organisations/kommune-751").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"MUNICIPALITY\", \"name\": \"Aarhus\", \"region\": \"SYD\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        verify(organisations, never()).save(anyString(), any(), anyString(), anyString(), any());
    }
}
