import type { Translations } from '@petfriendly/core';

export const uiMessages: Translations = {
  es: {
    home: { title: 'Inicio', tagline: 'Tu clínica veterinaria en línea: el expediente de tus mascotas, sus vacunas y todo para viajar con ellas.', signUp: 'Crear cuenta', visitUs: 'Visítanos', whatYouCanDo: 'Desde aquí puedes', feature: { pets: 'Registrar a tus mascotas y su foto', vaccines: 'Ver qué vacunas tocan y cuándo', travel: 'Preparar un viaje a EE. UU., la UE o Canadá' } },
    admin: { title: 'Administración', home: 'Inicio', search: 'Buscar', outbox: 'Mensajes enviados' , outboxHelp: 'Sin proveedor configurado, los correos y mensajes se guardan aquí en lugar de enviarse.', noOutbox: 'No hay mensajes.' },
    nav: { main: 'Navegación principal', signIn: 'Iniciar sesión', signOut: 'Cerrar sesión', language: 'Idioma', home: 'Inicio', myPets: 'Mis mascotas', account: 'Mi cuenta' },
    pager: { previous: 'Anterior', next: 'Siguiente', page: 'Página {{page}}' },
    form: { save: 'Guardar', cancel: 'Cancelar', fixErrors: 'Revisa los campos marcados.', required: 'Obligatorio' },
    errors: { notFound: 'No encontramos lo que buscas.', forbidden: 'No tienes permiso para ver esto.', server: 'Algo salió mal. Inténtalo de nuevo.', csrf: 'La sesión del formulario expiró. Vuelve a intentarlo.' },
  },
  en: {
    home: { title: 'Home', tagline: 'Your vet clinic online: your pets’ records, their vaccinations, and everything to travel with them.', signUp: 'Create account', visitUs: 'Visit us', whatYouCanDo: 'Here you can', feature: { pets: 'Register your pets and their photo', vaccines: 'See which vaccines are due and when', travel: 'Prepare a trip to the US, the EU or Canada' } },
    admin: { title: 'Admin', home: 'Home', search: 'Search', outbox: 'Sent messages' , outboxHelp: 'With no provider configured, mail and messages are kept here instead of being sent.', noOutbox: 'No messages.' },
    nav: { main: 'Main navigation', signIn: 'Sign in', signOut: 'Sign out', language: 'Language', home: 'Home', myPets: 'My pets', account: 'My account' },
    pager: { previous: 'Previous', next: 'Next', page: 'Page {{page}}' },
    form: { save: 'Save', cancel: 'Cancel', fixErrors: 'Please check the highlighted fields.', required: 'Required' },
    errors: { notFound: 'We could not find that.', forbidden: 'You do not have permission to see this.', server: 'Something went wrong. Please try again.', csrf: 'The form expired. Please try again.' },
  },
  de: {
    home: { title: 'Start', tagline: 'Deine Tierklinik online: Akten, Impfungen und alles für Reisen mit deinem Tier.', signUp: 'Konto erstellen', visitUs: 'Besuche uns', whatYouCanDo: 'Hier kannst du', feature: { pets: 'Deine Tiere mit Foto registrieren', vaccines: 'Sehen, welche Impfungen wann fällig sind', travel: 'Eine Reise in die USA, die EU oder nach Kanada vorbereiten' } },
    admin: { title: 'Verwaltung', home: 'Start', search: 'Suchen', outbox: 'Gesendete Nachrichten' , outboxHelp: 'Ohne konfigurierten Anbieter werden E-Mails und Nachrichten hier gespeichert statt gesendet.', noOutbox: 'Keine Nachrichten.' },
    nav: { main: 'Hauptnavigation', signIn: 'Anmelden', signOut: 'Abmelden', language: 'Sprache', home: 'Start', myPets: 'Meine Tiere', account: 'Mein Konto' },
    pager: { previous: 'Zurück', next: 'Weiter', page: 'Seite {{page}}' },
    form: { save: 'Speichern', cancel: 'Abbrechen', fixErrors: 'Bitte prüfe die markierten Felder.', required: 'Pflichtfeld' },
    errors: { notFound: 'Nicht gefunden.', forbidden: 'Keine Berechtigung.', server: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.', csrf: 'Das Formular ist abgelaufen. Bitte erneut versuchen.' },
  },
  fr: {
    home: { title: 'Accueil', tagline: 'Votre clinique vétérinaire en ligne : dossiers, vaccins et tout pour voyager avec vos animaux.', signUp: 'Créer un compte', visitUs: 'Nous rendre visite', whatYouCanDo: 'Ici, vous pouvez', feature: { pets: 'Enregistrer vos animaux et leur photo', vaccines: 'Voir quels vaccins sont dus et quand', travel: 'Préparer un voyage aux États-Unis, dans l’UE ou au Canada' } },
    admin: { title: 'Administration', home: 'Accueil', search: 'Rechercher', outbox: 'Messages envoyés' , outboxHelp: 'Sans fournisseur configuré, les e-mails et messages sont conservés ici au lieu d’être envoyés.', noOutbox: 'Aucun message.' },
    nav: { main: 'Navigation principale', signIn: 'Se connecter', signOut: 'Se déconnecter', language: 'Langue', home: 'Accueil', myPets: 'Mes animaux', account: 'Mon compte' },
    pager: { previous: 'Précédent', next: 'Suivant', page: 'Page {{page}}' },
    form: { save: 'Enregistrer', cancel: 'Annuler', fixErrors: 'Vérifiez les champs signalés.', required: 'Obligatoire' },
    errors: { notFound: 'Introuvable.', forbidden: "Vous n'avez pas la permission.", server: 'Une erreur est survenue. Réessayez.', csrf: 'Le formulaire a expiré. Réessayez.' },
  },
  it: {
    home: { title: 'Home', tagline: 'La tua clinica veterinaria online: cartelle, vaccini e tutto per viaggiare con i tuoi animali.', signUp: 'Crea account', visitUs: 'Vieni a trovarci', whatYouCanDo: 'Qui puoi', feature: { pets: 'Registrare i tuoi animali con foto', vaccines: 'Vedere quali vaccini sono dovuti e quando', travel: 'Preparare un viaggio negli USA, nell’UE o in Canada' } },
    admin: { title: 'Amministrazione', home: 'Home', search: 'Cerca', outbox: 'Messaggi inviati' , outboxHelp: 'Senza un provider configurato, email e messaggi restano qui invece di essere inviati.', noOutbox: 'Nessun messaggio.' },
    nav: { main: 'Navigazione principale', signIn: 'Accedi', signOut: 'Esci', language: 'Lingua', home: 'Home', myPets: 'I miei animali', account: 'Il mio account' },
    pager: { previous: 'Precedente', next: 'Successiva', page: 'Pagina {{page}}' },
    form: { save: 'Salva', cancel: 'Annulla', fixErrors: 'Controlla i campi evidenziati.', required: 'Obbligatorio' },
    errors: { notFound: 'Non trovato.', forbidden: 'Non hai il permesso.', server: 'Qualcosa è andato storto. Riprova.', csrf: 'Il modulo è scaduto. Riprova.' },
  },
};
