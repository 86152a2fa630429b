package dk.carepath.region;

/**
 * What is wrong with a region pack, for the process owner who wrote it: the file, the field (as a
 * path in the YAML: {@code service-center.support-phone}) and what to do, in English and Danish.
 */
public record RegionPackProblem(String file, String field, String english, String danish) {

    @Override
    public String toString() {
        return file + ": " + field + ": " + english + " / " + danish;
    }
}
