package dk.carepath.equipment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepath.service-center.*}: the region's service function for tele-kits (its support hours
 * are read by the calendar module).
 *
 * @param name         what citizens call it (Fælles Servicecenter, TeleCare Nord support, TSS)
 * @param supportPhone the support line citizens call themselves [000; 002 §6.1]
 * @param serviceLevel time from a fault report until support must have contacted the citizen:
 *                     PTnH/PTnM in support hours, or PnD in working days
 */
@ConfigurationProperties("carepath.service-center")
record ServiceCenterProperties(String name, String supportPhone, String serviceLevel) {
}
