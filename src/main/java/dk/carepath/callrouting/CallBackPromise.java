package dk.carepath.callrouting;

import dk.carepath.calendar.PhoneHours.CallBack;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the front desk tells the citizen about the call-back [000], in Danish. */
final class CallBackPromise {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DANISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM", DANISH);

    private CallBackPromise() {
    }

    static String of(CallBack callBack, java.time.ZonedDateTime receivedAt) {
        String until = "inden kl. " + TIME.format(callBack.due());
        if (callBack.withinPhoneHours()) {
            return "En sygeplejerske ringer dig op i dag " + until + ".";
        }
        String window = "mellem kl. " + TIME.format(callBack.from()) + " og " + TIME.format(callBack.due());
        if (callBack.from().toLocalDate().equals(receivedAt.withZoneSameInstant(callBack.from().getZone()).toLocalDate())) {
            return "Telefontiden er ikke begyndt endnu. En sygeplejerske ringer dig op i dag " + window + ".";
        }
        return "Telefontiden er slut. En sygeplejerske ringer dig først op næste hverdag, " + DAY.format(callBack.from()) + " " + window + ".";
    }
}
