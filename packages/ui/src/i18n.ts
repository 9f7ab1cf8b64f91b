import type { Translations } from '@petfriendly/core';

export const uiMessages: Translations = {
  es: {
    admin: { title: 'Administración', home: 'Inicio', search: 'Buscar', outbox: 'Mensajes enviados' },
    nav: { main: 'Navegación principal', signIn: 'Iniciar sesión', signOut: 'Cerrar sesión', language: 'Idioma', home: 'Inicio', myPets: 'Mis mascotas', account: 'Mi cuenta' },
    pager: { previous: 'Anterior', next: 'Siguiente', page: 'Página {{page}}' },
    form: { save: 'Guardar', cancel: 'Cancelar', fixErrors: 'Revisa los campos marcados.', required: 'Obligatorio' },
    errors: { notFound: 'No encontramos lo que buscas.', forbidden: 'No tienes permiso para ver esto.', server: 'Algo salió mal. Inténtalo de nuevo.', csrf: 'La sesión del formulario expiró. Vuelve a intentarlo.' },
  },
  en: {
    admin: { title: 'Admin', home: 'Home', search: 'Search', outbox: 'Sent messages' },
    nav: { main: 'Main navigation', signIn: 'Sign in', signOut: 'Sign out', language: 'Language', home: 'Home', myPets: 'My pets', account: 'My account' },
    pager: { previous: 'Previous', next: 'Next', page: 'Page {{page}}' },
    form: { save: 'Save', cancel: 'Cancel', fixErrors: 'Please check the highlighted fields.', required: 'Required' },
    errors: { notFound: 'We could not find that.', forbidden: 'You do not have permission to see this.', server: 'Something went wrong. Please try again.', csrf: 'The form expired. Please try again.' },
  },
  de: {
    admin: { title: 'Verwaltung', home: 'Start', search: 'Suchen', outbox: 'Gesendete Nachrichten' },
    nav: { main: 'Hauptnavigation', signIn: 'Anmelden', signOut: 'Abmelden', language: 'Sprache', home: 'Start', myPets: 'Meine Tiere', account: 'Mein Konto' },
    pager: { previous: 'Zurück', next: 'Weiter', page: 'Seite {{page}}' },
    form: { save: 'Speichern', cancel: 'Abbrechen', fixErrors: 'Bitte prüfe die markierten Felder.', required: 'Pflichtfeld' },
    errors: { notFound: 'Nicht gefunden.', forbidden: 'Keine Berechtigung.', server: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.', csrf: 'Das Formular ist abgelaufen. Bitte erneut versuchen.' },
  },
  fr: {
    admin: { title: 'Administration', home: 'Accueil', search: 'Rechercher', outbox: 'Messages envoyés' },
    nav: { main: 'Navigation principale', signIn: 'Se connecter', signOut: 'Se déconnecter', language: 'Langue', home: 'Accueil', myPets: 'Mes animaux', account: 'Mon compte' },
    pager: { previous: 'Précédent', next: 'Suivant', page: 'Page {{page}}' },
    form: { save: 'Enregistrer', cancel: 'Annuler', fixErrors: 'Vérifiez les champs signalés.', required: 'Obligatoire' },
    errors: { notFound: 'Introuvable.', forbidden: "Vous n'avez pas la permission.", server: 'Une erreur est survenue. Réessayez.', csrf: 'Le formulaire a expiré. Réessayez.' },
  },
  it: {
    admin: { title: 'Amministrazione', home: 'Home', search: 'Cerca', outbox: 'Messaggi inviati' },
    nav: { main: 'Navigazione principale', signIn: 'Accedi', signOut: 'Esci', language: 'Lingua', home: 'Home', myPets: 'I miei animali', account: 'Il mio account' },
    pager: { previous: 'Precedente', next: 'Successiva', page: 'Pagina {{page}}' },
    form: { save: 'Salva', cancel: 'Annulla', fixErrors: 'Controlla i campi evidenziati.', required: 'Obbligatorio' },
    errors: { notFound: 'Non trovato.', forbidden: 'Non hai il permesso.', server: 'Qualcosa è andato storto. Riprova.', csrf: 'Il modulo è scaduto. Riprova.' },
  },
};
