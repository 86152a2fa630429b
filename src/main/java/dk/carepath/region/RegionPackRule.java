package dk.carepath.region;

import java.util.List;

/**
 * A check of a region pack that needs another module's knowledge (the default thresholds: the
 * measurement types'), run on every pack before it is used.
 */
public interface RegionPackRule {

    List<RegionPackProblem> check(String file, RegionPack pack);
}
