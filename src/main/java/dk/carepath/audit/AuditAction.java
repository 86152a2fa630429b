package dk.carepath.audit;

public enum AuditAction {
    READ, CREATE, UPDATE
}
