package dk.carepath.callrouting;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallRecordRepository extends JpaRepository<CallRecord, UUID> {
}
