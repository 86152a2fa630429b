package dk.carepath.library;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialContentRepository extends JpaRepository<MaterialContent, Long> {
}
