package dk.carepath.citizen;

/**
 * What a phone number may look like wherever Carepath takes one (a citizen's, a call-back number):
 * digits in groups separated by single spaces or hyphens, an optional leading {@code +}, 8 to 15
 * digits in all (a Danish number has 8, E.164 allows at most 15). Nothing else: no letters or markup,
 * no blank or invisible characters standing in for a number.
 */
public final class PhoneNumber {

    /** for {@code @Pattern(regexp = PhoneNumber.PATTERN, message = PhoneNumber.MESSAGE)} */
    public static final String PATTERN = "(?=(?:[^0-9]*[0-9]){8,15}[^0-9]*$)\\+?[0-9]+(?:[ -][0-9]+)*";
    public static final String MESSAGE = "must be a phone number: 8-15 digits, in groups separated by single spaces or hyphens,"
            + " with an optional leading + (e.g. +45 12 34 56 78)";
    /** the longest phone number stored (citizen.phone, citizen_call.callback_phone) */
    public static final int MAX = 30;

    private PhoneNumber() {
    }
}
