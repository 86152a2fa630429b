package dk.carepath.pathway;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a quantity's four thresholds are set: the bounds a threshold may have, its precision, whether
 * every plan must have them, and the clinical guideline's defaults [002 §4.2.1 Skema 1].
 *
 * @param relativeToReference the thresholds are changes against the citizen's reference weight, not values
 * @param bounds              the lowest and highest threshold a plan may set
 * @param decimals            the decimals a threshold may have
 * @param required            every plan has them (pulse, weight); otherwise set individually or not at all
 * @param defaults            red low, yellow low, yellow high, red high; null where the guideline has none
 */
public record ThresholdBands(boolean relativeToReference, Quantity.Range bounds, int decimals, boolean required,
                             List<BigDecimal> defaults) {

    public static ThresholdBands of(boolean relative, String min, String max, int decimals, boolean required, String... defaults) {
        return new ThresholdBands(relative, Quantity.Range.of(min, max), decimals, required,
                defaults.length == 0 ? null : java.util.Arrays.stream(defaults).map(BigDecimal::new).toList());
    }
}
