/** What an owner's short answer to a reminder means, in any of our languages; null when it is something else. */
export function classifyReply(text: string): 'confirm' | 'cancel' | null {
  const t = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return null;
  if (CANCEL.some((p) => p.test(t))) return 'cancel';
  if (CONFIRM.some((p) => p.test(t))) return 'confirm';
  return null;
}

const CANCEL = [
  /^2$/,
  /\bno puedo\b/,
  /\bno podre\b/,
  /\bno voy\b/,
  /^no\b/,
  /\bcancel/,
  /\bcannot\b|\bcan t\b|\bcant\b/,
  /\bnein\b|\babsagen\b|\bkann nicht\b/,
  /\bannul/,
  /\bnon posso\b|\bdisdire\b/,
];

const CONFIRM = [
  /^1$/,
  /^(si|sí|s)\b/,
  /\bconfirm/,
  /\bclaro\b|\bde acuerdo\b|\bok\b|\bvale\b|\balli estare\b|\bahi estare\b|\bahi estaremos\b|\balli estaremos\b/,
  /^(yes|yep|sure)\b/,
  /^(ja|jawohl)\b|\bbestatig/,
  /^oui\b/,
  /^(certo|va bene)\b/,
];
