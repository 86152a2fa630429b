package dk.carepath.library;

import dk.carepath.region.Organisations;
import dk.carepath.security.CurrentUser;
import dk.carepath.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's phrase library: its members (the clinicians of the organisation) see, add and
 * remove its phrases, and nobody else sees them. The public API of the phrases for the pages.
 */
@Service
public class Phrases {

    static final int MAX_TITLE = 100;
    static final int MAX_TEXT = 2000;
    /** the roles that write notes and so have phrase libraries */
    static final Role[] WRITERS = {Role.HF_NURSE, Role.CARDIOLOGIST, Role.MUNICIPAL_NURSE};

    private final PhraseRepository phrases;
    private final CurrentUser user;
    private final Organisations organisations;
    private final Clock clock;

    Phrases(PhraseRepository phrases, CurrentUser user, Organisations organisations, Clock clock) {
        this.phrases = phrases;
        this.user = user;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** the organisations whose phrases the user sees: those she writes notes in */
    public Set<String> organisations() {
        return user.organisations(WRITERS);
    }

    /** the phrases of the user's organisations, by title */
    @Transactional(readOnly = true)
    public List<PhraseView> mine() {
        Set<String> mine = organisations();
        return mine.isEmpty() ? List.of() : phrases.findByOrganisationIdInOrderByTitleAscIdAsc(mine).stream().map(Phrase::view).toList();
    }

    @Transactional
    public PhraseView add(String organisationId, String title, String text) {
        String o = required("organisationId", organisationId, 40, "Vælg organisationen.");
        String t = required("title", title, MAX_TITLE, "Skriv en titel (højst " + MAX_TITLE + " tegn).");
        String x = required("text", text, MAX_TEXT, "Skriv frasens tekst (højst " + MAX_TEXT + " tegn).");
        if (organisations.find(o).isEmpty()) {
            throw new LibraryProblem(HttpStatus.UNPROCESSABLE_ENTITY, "organisationId", "no organisation with id " + o, "Organisationen findes ikke.");
        }
        if (!organisations().contains(o)) {
            throw new LibraryProblem(HttpStatus.FORBIDDEN, "organisationId", "you write no notes in organisation " + o
                    + ": its phrases are its members'", "Du kan kun tilføje fraser til din egen organisation.");
        }
        return phrases.save(new Phrase(o, t, x, user.id().orElse("system"), clock.instant())).view();
    }

    /** Removes a phrase of one of the user's organisations (404 for any other). */
    @Transactional
    public void remove(long id) {
        Phrase phrase = phrases.findById(id).filter(p -> organisations().contains(p.organisationId()))
                .orElseThrow(() -> LibraryProblem.missing("no phrase with id " + id + " in your organisations' libraries"));
        phrases.delete(phrase);
    }

    /** the demo's phrases: added once per organisation, by the system */
    @Transactional
    public void ensureDemo(String organisationId, List<String[]> titledTexts) {
        if (phrases.countByOrganisationId(organisationId) > 0) {
            return;
        }
        for (String[] phrase : titledTexts) {
            phrases.save(new Phrase(organisationId, phrase[0], phrase[1], "system", clock.instant()));
        }
    }

    /** a required text of at most {@code max} characters, stripped; nothing is cut */
    static String required(String field, String value, int max, String danish) {
        if (value == null || value.isBlank()) {
            throw LibraryProblem.invalid(field, "must not be blank", danish);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw LibraryProblem.invalid(field, "is " + stripped.length() + " characters long; at most " + max + " are allowed", danish);
        }
        return stripped;
    }

}
