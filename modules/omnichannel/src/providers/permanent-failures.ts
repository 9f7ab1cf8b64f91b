export const PERMANENT_REASONS = ['invalid_number', 'not_mobile', 'opted_out', 'undeliverable'] as const;
export type PermanentReason = (typeof PERMANENT_REASONS)[number];

/**
 * Provider error codes that mean the number will not take a message however often it is tried: like a
 * hard bounce, the address is reported (`address_rejected`) so marketing stops writing to it.
 */
const PERMANENT: Record<string, Record<string, PermanentReason>> = {
  // Twilio: https://www.twilio.com/docs/api/errors
  sms: {
    '21211': 'invalid_number', // Invalid 'To' phone number
    '21610': 'opted_out', // The recipient replied STOP: Twilio blocks every message to it
    '21614': 'not_mobile', // 'To' number is not a valid mobile number
    '30005': 'invalid_number', // Unknown destination handset
    '30006': 'not_mobile', // Landline or unreachable carrier
  },
  // WhatsApp Cloud API: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
  whatsapp: {
    '131026': 'undeliverable', // Not a WhatsApp user, or cannot receive (old app, terms not accepted)
    '131050': 'opted_out', // The user stopped marketing messages from this business
  },
};

/** Why a failure on a channel is for good, or null when it may pass (or the code is unknown). */
export function permanentFailure(channel: string, code: string | undefined): PermanentReason | null {
  return code ? (PERMANENT[channel]?.[code] ?? null) : null;
}
