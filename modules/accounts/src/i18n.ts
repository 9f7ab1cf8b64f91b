import type { Translations } from '@petfriendly/core';

export const accountsMessages: Translations = {
  es: {
    signIn: { title: 'Iniciar sesión', submit: 'Entrar', noAccount: '¿No tienes cuenta?', signUp: 'Crea una', forgot: '¿Olvidaste tu contraseña?', welcome: '¡Hola, {{name}}!' },
    signUp: { title: 'Crea tu cuenta', intro: 'Registra a tus mascotas, consulta sus vacunas y su historial.', submit: 'Crear cuenta', haveAccount: '¿Ya tienes cuenta?', done: '¡Bienvenido(a)! Ahora agrega a tu primera mascota.' },
    fields: { name: 'Nombre completo', email: 'Correo electrónico', password: 'Contraseña', passwordHint: 'Mínimo 8 caracteres', phone: 'Teléfono (WhatsApp)', alternatePhone: 'Teléfono alterno', address: 'Dirección', preferredLanguage: 'Idioma', preferredChannel: 'Prefiero que me contacten por', role: 'Rol', title: 'Título', licenseNumber: 'Cédula profesional', specialties: 'Especialidades', services: 'Servicios que ofrece' },
    channels: { email: 'Correo', sms: 'SMS', whatsapp: 'WhatsApp' },
    roles: { owner: 'Propietario', receptionist: 'Recepción', veterinarian: 'Veterinario(a)', manager: 'Gerente', admin: 'Administrador' },
    reset: {
      title: 'Recuperar contraseña', intro: 'Te enviaremos un enlace para crear una nueva contraseña.', submit: 'Enviar enlace', sent: 'Si existe una cuenta con ese correo, te enviamos un enlace. Revisa tu bandeja.',
      newTitle: 'Nueva contraseña', newSubmit: 'Guardar contraseña', done: 'Listo: tu contraseña cambió. Inicia sesión.',
      mailSubject: 'Restablece tu contraseña de {{clinic}}', mailBody: 'Hola {{name}}:\n\nPara crear una nueva contraseña abre este enlace (vence en una hora):\n{{link}}\n\nSi no lo pediste, ignora este correo.\n\n{{clinic}}',
    },
    account: { title: 'Mi cuenta', saved: 'Tus datos se guardaron.', tokens: 'Tokens de API', tokenCreated: 'Copia tu token ahora; no volverá a mostrarse:' },
    owners: { title: 'Propietarios', new: 'Nuevo propietario', created: 'Propietario registrado.', search: 'Nombre, correo o teléfono', none: 'No hay propietarios que coincidan.' },
  },
  en: {
    signIn: { title: 'Sign in', submit: 'Sign in', noAccount: 'No account yet?', signUp: 'Create one', forgot: 'Forgot your password?', welcome: 'Hello, {{name}}!' },
    signUp: { title: 'Create your account', intro: "Register your pets, check their vaccinations and history.", submit: 'Create account', haveAccount: 'Already have an account?', done: 'Welcome! Now add your first pet.' },
    fields: { name: 'Full name', email: 'Email', password: 'Password', passwordHint: 'At least 8 characters', phone: 'Phone (WhatsApp)', alternatePhone: 'Alternate phone', address: 'Address', preferredLanguage: 'Language', preferredChannel: 'Contact me by', role: 'Role', title: 'Title', licenseNumber: 'Professional licence', specialties: 'Specialties', services: 'Services offered' },
    channels: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' },
    roles: { owner: 'Owner', receptionist: 'Reception', veterinarian: 'Veterinarian', manager: 'Manager', admin: 'Admin' },
    reset: {
      title: 'Reset password', intro: "We'll email you a link to choose a new password.", submit: 'Send link', sent: 'If an account exists for that email, we sent a link. Check your inbox.',
      newTitle: 'New password', newSubmit: 'Save password', done: 'Done: your password changed. Please sign in.',
      mailSubject: 'Reset your {{clinic}} password', mailBody: 'Hello {{name}},\n\nOpen this link to choose a new password (it expires in one hour):\n{{link}}\n\nIf you did not ask for this, ignore this email.\n\n{{clinic}}',
    },
    account: { title: 'My account', saved: 'Your details were saved.', tokens: 'API tokens', tokenCreated: 'Copy your token now; it will not be shown again:' },
    owners: { title: 'Owners', new: 'New owner', created: 'Owner registered.', search: 'Name, email or phone', none: 'No matching owners.' },
  },
  de: {
    signIn: { title: 'Anmelden', submit: 'Anmelden', noAccount: 'Noch kein Konto?', signUp: 'Jetzt erstellen', forgot: 'Passwort vergessen?', welcome: 'Hallo, {{name}}!' },
    signUp: { title: 'Konto erstellen', intro: 'Registriere deine Tiere, sieh Impfungen und Verlauf.', submit: 'Konto erstellen', haveAccount: 'Schon ein Konto?', done: 'Willkommen! Füge jetzt dein erstes Tier hinzu.' },
    fields: { name: 'Vollständiger Name', email: 'E-Mail', password: 'Passwort', passwordHint: 'Mindestens 8 Zeichen', phone: 'Telefon (WhatsApp)', alternatePhone: 'Weitere Telefonnummer', address: 'Adresse', preferredLanguage: 'Sprache', preferredChannel: 'Kontakt über', role: 'Rolle', title: 'Titel', licenseNumber: 'Approbationsnummer', specialties: 'Fachgebiete', services: 'Angebotene Leistungen' },
    channels: { email: 'E-Mail', sms: 'SMS', whatsapp: 'WhatsApp' },
    roles: { owner: 'Halter', receptionist: 'Empfang', veterinarian: 'Tierarzt/Tierärztin', manager: 'Leitung', admin: 'Admin' },
    reset: {
      title: 'Passwort zurücksetzen', intro: 'Wir senden dir einen Link für ein neues Passwort.', submit: 'Link senden', sent: 'Falls ein Konto existiert, haben wir einen Link gesendet.',
      newTitle: 'Neues Passwort', newSubmit: 'Passwort speichern', done: 'Dein Passwort wurde geändert. Bitte melde dich an.',
      mailSubject: 'Passwort für {{clinic}} zurücksetzen', mailBody: 'Hallo {{name}},\n\nÖffne diesen Link, um ein neues Passwort zu wählen (gültig eine Stunde):\n{{link}}\n\n{{clinic}}',
    },
    account: { title: 'Mein Konto', saved: 'Gespeichert.', tokens: 'API-Tokens', tokenCreated: 'Kopiere dein Token jetzt; es wird nicht erneut angezeigt:' },
    owners: { title: 'Halter', new: 'Neuer Halter', created: 'Halter registriert.', search: 'Name, E-Mail oder Telefon', none: 'Keine passenden Halter.' },
  },
  fr: {
    signIn: { title: 'Connexion', submit: 'Se connecter', noAccount: 'Pas encore de compte ?', signUp: 'En créer un', forgot: 'Mot de passe oublié ?', welcome: 'Bonjour, {{name}} !' },
    signUp: { title: 'Créer votre compte', intro: 'Enregistrez vos animaux, consultez leurs vaccins et leur historique.', submit: 'Créer le compte', haveAccount: 'Déjà un compte ?', done: 'Bienvenue ! Ajoutez maintenant votre premier animal.' },
    fields: { name: 'Nom complet', email: 'E-mail', password: 'Mot de passe', passwordHint: 'Au moins 8 caractères', phone: 'Téléphone (WhatsApp)', alternatePhone: 'Autre téléphone', address: 'Adresse', preferredLanguage: 'Langue', preferredChannel: 'Me contacter par', role: 'Rôle', title: 'Titre', licenseNumber: 'Numéro d’ordre', specialties: 'Spécialités', services: 'Services proposés' },
    channels: { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' },
    roles: { owner: 'Propriétaire', receptionist: 'Accueil', veterinarian: 'Vétérinaire', manager: 'Responsable', admin: 'Admin' },
    reset: {
      title: 'Réinitialiser le mot de passe', intro: 'Nous vous enverrons un lien pour choisir un nouveau mot de passe.', submit: 'Envoyer le lien', sent: 'Si un compte existe pour cet e-mail, nous avons envoyé un lien.',
      newTitle: 'Nouveau mot de passe', newSubmit: 'Enregistrer', done: 'Votre mot de passe a changé. Connectez-vous.',
      mailSubject: 'Réinitialisez votre mot de passe {{clinic}}', mailBody: 'Bonjour {{name}},\n\nOuvrez ce lien pour choisir un nouveau mot de passe (valable une heure) :\n{{link}}\n\n{{clinic}}',
    },
    account: { title: 'Mon compte', saved: 'Enregistré.', tokens: 'Jetons d’API', tokenCreated: 'Copiez votre jeton maintenant ; il ne sera plus affiché :' },
    owners: { title: 'Propriétaires', new: 'Nouveau propriétaire', created: 'Propriétaire enregistré.', search: 'Nom, e-mail ou téléphone', none: 'Aucun propriétaire trouvé.' },
  },
  it: {
    signIn: { title: 'Accedi', submit: 'Accedi', noAccount: 'Non hai un account?', signUp: 'Creane uno', forgot: 'Password dimenticata?', welcome: 'Ciao, {{name}}!' },
    signUp: { title: 'Crea il tuo account', intro: 'Registra i tuoi animali, consulta vaccini e storia clinica.', submit: 'Crea account', haveAccount: 'Hai già un account?', done: 'Benvenuto! Ora aggiungi il tuo primo animale.' },
    fields: { name: 'Nome completo', email: 'Email', password: 'Password', passwordHint: 'Almeno 8 caratteri', phone: 'Telefono (WhatsApp)', alternatePhone: 'Telefono alternativo', address: 'Indirizzo', preferredLanguage: 'Lingua', preferredChannel: 'Contattami via', role: 'Ruolo', title: 'Titolo', licenseNumber: 'Numero di iscrizione', specialties: 'Specialità', services: 'Servizi offerti' },
    channels: { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' },
    roles: { owner: 'Proprietario', receptionist: 'Reception', veterinarian: 'Veterinario', manager: 'Responsabile', admin: 'Admin' },
    reset: {
      title: 'Reimposta password', intro: 'Ti invieremo un link per scegliere una nuova password.', submit: 'Invia link', sent: 'Se esiste un account con questa email, abbiamo inviato un link.',
      newTitle: 'Nuova password', newSubmit: 'Salva password', done: 'Password cambiata. Accedi.',
      mailSubject: 'Reimposta la password di {{clinic}}', mailBody: 'Ciao {{name}},\n\nApri questo link per scegliere una nuova password (scade tra un’ora):\n{{link}}\n\n{{clinic}}',
    },
    account: { title: 'Il mio account', saved: 'Salvato.', tokens: 'Token API', tokenCreated: 'Copia ora il token; non verrà più mostrato:' },
    owners: { title: 'Proprietari', new: 'Nuovo proprietario', created: 'Proprietario registrato.', search: 'Nome, email o telefono', none: 'Nessun proprietario trovato.' },
  },
};
