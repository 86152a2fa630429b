package dk.carepath.region;

/** A hospital clinic, municipality, GP practice or service center, with the address its mail goes to. */
public record OrganisationView(String id, OrganisationKind kind, String name, String region, String mailAddress) {
}
