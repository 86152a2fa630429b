package dk.carepath.rules;

/** A decision could not be evaluated: an unknown decision, inputs that do not fit, a failing expression. */
class DecisionEvaluationException extends RuntimeException {

    DecisionEvaluationException(String decisionId, String detail) {
        super("decision '" + decisionId + "' failed: " + detail);
    }
}
