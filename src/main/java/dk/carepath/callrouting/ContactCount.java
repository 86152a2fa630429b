package dk.carepath.callrouting;

/** How many calls were registered so in a period: one row of the contact statistics. */
record ContactCount(boolean registeredAsContact, String visitType, String noteType, long calls) {
}
