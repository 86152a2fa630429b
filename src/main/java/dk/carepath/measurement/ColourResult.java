package dk.carepath.measurement;

/** The colour a measurement got, the rule's reason, and the threshold that decided it. */
record ColourResult(Colour colour, String reason, String threshold, Long thresholdSetId) {

    static ColourResult failed() {
        return new ColourResult(null, null, null, null);
    }
}
