package dk.carepath.audit;

import java.time.Instant;
import java.util.Collection;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByCitizenIdOrderByOccurredAtDesc(UUID citizenId, Limit limit);

    List<AuditEntry> findByActorOrderByOccurredAtDesc(String actor, Limit limit);

    /** per actor in the period: reads, changes, distinct citizens */
    @Query("""
            select e.actor, sum(case when e.action = 'READ' then 1 else 0 end), sum(case when e.action <> 'READ' then 1 else 0 end),
                   count(distinct e.citizenId)
            from AuditEntry e
            where e.actor in :actors and e.occurredAt >= :from and e.occurredAt < :to
            group by e.actor""")
    List<Object[]> usage(@Param("actors") Collection<String> actors, @Param("from") Instant from, @Param("to") Instant to);

    /** per actor: the latest entry ever */
    @Query("select e.actor, max(e.occurredAt) from AuditEntry e where e.actor in :actors group by e.actor")
    List<Object[]> lastUse(@Param("actors") Collection<String> actors);

    /** per resource and action in the period, for these actors */
    @Query("""
            select e.resource, e.action, count(e), count(distinct e.citizenId)
            from AuditEntry e
            where e.actor in :actors and e.occurredAt >= :from and e.occurredAt < :to
            group by e.resource, e.action
            order by count(e) desc""")
    List<Object[]> byResource(@Param("actors") Collection<String> actors, @Param("from") Instant from, @Param("to") Instant to);
}
