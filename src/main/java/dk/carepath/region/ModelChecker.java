package dk.carepath.region;

import java.util.List;
import java.util.Map;

/**
 * The one check a set of models must pass before any of it is deployed: at start-up, when a process
 * owner deploys a pack through the API, and from the Modeler through the engine's REST API. Region
 * knows which files make a region's deployment; the engine knows what a model must keep (its
 * implementation is {@code engine.ModelCheck}), so region asks through this interface.
 */
public interface ModelChecker {

    /** a finding: the file, the element's id (blank for the file as a whole), what is wrong and what to do */
    record Finding(String resource, String elementId, String english, String danish) {

        @Override
        public String toString() {
            return resource + (elementId == null || elementId.isBlank() ? "" : " " + elementId) + ": " + english + " / " + danish;
        }
    }

    /**
     * @param tenantId  the region the files are to be deployed for (null for none)
     * @param resources the files deployed together, by name (BPMN, DMN, forms), in deployment order
     * @return what keeps them from being deployed; empty when they may be
     */
    List<Finding> check(String tenantId, Map<String, byte[]> resources);
}
