package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.CarepathTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' menus follow the same access rules as the pages they lead to (SecurityConfig, by
 * security.Role), not a list of roles of their own: a nurse sees the nurses' menu, a process owner
 * the regions, a manager the KPIs, and nobody a menu whose pages would refuse them.
 */
@CarepathTest
class PageMenuTest {

    @LocalServerPort
    int port;

    static final String NURSES = "href=\"/library\">Fraser og materialer</a>";
    static final String OWNERS = "href=\"/regions\">Regioner og modeller</a>";
    static final String MANAGERS = "href=\"/access-reviews\">Adgangsgennemgang</a>";

    static String page(int port, String user, String path) {
        var answer = new PageClient(port).login(user).get(path);
        assertThat(answer.statusCode()).as(user + " " + path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void eachSeesTheMenuOfThePagesTheyMayOpen() {
        assertThat(page(port, "testnurse", "/triage")).contains(NURSES).doesNotContain(OWNERS).doesNotContain(MANAGERS);
        assertThat(page(port, "testowner", "/regions")).contains(OWNERS).doesNotContain(NURSES).doesNotContain(MANAGERS);
        assertThat(page(port, "testmanager", "/kpi")).contains(MANAGERS).doesNotContain(NURSES).doesNotContain(OWNERS);
    }
}
