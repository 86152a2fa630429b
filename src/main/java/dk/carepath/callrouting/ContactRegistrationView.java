package dk.carepath.callrouting;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A call's contact registration [003]. The values of visit type, payment method and note type are
 * the Swedish routine's own names ("Tele", "Generell betalningsbefrielse (Gena)", "Tfn",
 * "Utanbesöksanteckning"); see docs/callrouting.md.
 *
 * @param patientFee 0 for a free phone contact (P0); null when no fee applies or the ordinary fee does
 * @param followUp   what else the routine asks: WATCH_LIST (prescription renewal) or BOOK_PHYSICIAN_CONTACT (sick note)
 */
record ContactRegistrationView(Instant classifiedAt, String contactPurpose, String contactKind,
                                      boolean registeredAsContact, String visitType, BigDecimal patientFee,
                                      String paymentMethod, String noteType, String followUp, String reason) {
}
