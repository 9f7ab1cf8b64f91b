import type { MessageCatalog } from '@petfriendly/core';

/** Error codes of backups and exports, translated (English is the text itself). */
export const backupErrorMessages: MessageCatalog = {
  es: { 'backup.export_not_found': 'No hay ninguna exportación terminada con ese número.' },
  de: { 'backup.export_not_found': 'Es gibt keinen abgeschlossenen Export mit dieser Nummer.' },
  fr: { 'backup.export_not_found': 'Aucun export terminé ne porte ce numéro.' },
  it: { 'backup.export_not_found': 'Nessuna esportazione terminata con questo numero.' },
};
