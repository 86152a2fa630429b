package dk.carepath.notify;

enum MailStatus {
    /** queued, waiting for its first or next attempt */
    PENDING,
    /** claimed by a sender; if the sender dies the claim expires and the mail is pending again */
    SENDING,
    SENT,
    /** given up after the configured number of attempts; an operator must look */
    FAILED
}
