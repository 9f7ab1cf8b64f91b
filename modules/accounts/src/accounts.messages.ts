import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of accounts, translated (English is the text itself). */
export const accountsErrorMessages: MessageCatalog = {
  es: {
    'must be a phone number with 10 to 15 digits': 'debe ser un teléfono de 10 a 15 dígitos',
    'accounts.email_taken': 'Ya existe una cuenta con este correo. Inicia sesión o recupera tu contraseña.',
    'accounts.invalid_credentials': 'El correo o la contraseña no son correctos.',
    'accounts.reset_token_invalid': 'Este enlace no es válido o ya venció. Pide uno nuevo.',
    'accounts.password_invalid': 'La contraseña no es válida.',
    'accounts.admin_only': 'Solo un administrador puede crear cuentas del personal.',
    'accounts.profile_not_yours': 'Solo puedes editar tu propio perfil.',
    'accounts.token_for_other': 'Solo un administrador puede crear tokens para otra persona.',
  },
  de: {
    'must be a phone number with 10 to 15 digits': 'muss eine Telefonnummer mit 10 bis 15 Ziffern sein',
    'accounts.email_taken': 'Mit dieser E-Mail gibt es schon ein Konto. Melde dich an oder setze das Passwort zurück.',
    'accounts.invalid_credentials': 'E-Mail oder Passwort stimmen nicht.',
    'accounts.reset_token_invalid': 'Dieser Link ist ungültig oder abgelaufen. Fordere einen neuen an.',
    'accounts.password_invalid': 'Das Passwort ist ungültig.',
    'accounts.admin_only': 'Nur ein Admin kann Konten für das Team anlegen.',
    'accounts.profile_not_yours': 'Du kannst nur dein eigenes Profil bearbeiten.',
    'accounts.token_for_other': 'Nur ein Admin kann Tokens für andere erstellen.',
  },
  fr: {
    'must be a phone number with 10 to 15 digits': 'doit être un numéro de 10 à 15 chiffres',
    'accounts.email_taken': 'Un compte existe déjà avec cet e-mail. Connectez-vous ou réinitialisez le mot de passe.',
    'accounts.invalid_credentials': 'E-mail ou mot de passe incorrect.',
    'accounts.reset_token_invalid': 'Ce lien est invalide ou expiré. Demandez-en un nouveau.',
    'accounts.password_invalid': 'Le mot de passe n’est pas valide.',
    'accounts.admin_only': 'Seul un administrateur peut créer des comptes pour l’équipe.',
    'accounts.profile_not_yours': 'Vous ne pouvez modifier que votre propre profil.',
    'accounts.token_for_other': 'Seul un administrateur peut créer un jeton pour quelqu’un d’autre.',
  },
  it: {
    'must be a phone number with 10 to 15 digits': 'deve essere un numero di 10-15 cifre',
    'accounts.email_taken': 'Esiste già un account con questa email. Accedi o reimposta la password.',
    'accounts.invalid_credentials': 'Email o password non corrette.',
    'accounts.reset_token_invalid': 'Questo link non è valido o è scaduto. Richiedine uno nuovo.',
    'accounts.password_invalid': 'La password non è valida.',
    'accounts.admin_only': 'Solo un amministratore può creare account dello staff.',
    'accounts.profile_not_yours': 'Puoi modificare solo il tuo profilo.',
    'accounts.token_for_other': 'Solo un amministratore può creare token per altri.',
  },
};
