package dk.carepath.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A PDF material's bytes, as uploaded. */
@Entity
@Table(name = "material_content")
class MaterialContent {

    @Id
    @Column(name = "material_id")
    private Long materialId;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] content;

    protected MaterialContent() {
    }

    MaterialContent(Long materialId, byte[] content) {
        this.materialId = materialId;
        this.content = content;
    }

    byte[] content() {
        return content;
    }
}
