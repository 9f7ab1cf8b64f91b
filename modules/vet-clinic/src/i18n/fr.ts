import type { es } from './es';

export const fr: typeof es = {
  nav: { myPets: 'Mes animaux', search: 'Rechercher', today: 'Aujourd’hui' },
  species: { dog: 'Chien', cat: 'Chat', bird: 'Oiseau', rabbit: 'Lapin', other: 'Autre' },
  gender: { male: 'Mâle', female: 'Femelle', unknown: 'Non précisé' },
  severity: { mild: 'Légère', moderate: 'Modérée', severe: 'Sévère' },
  route: { oral: 'Orale', injection: 'Injectable', topical: 'Cutanée', ophthalmic: 'Ophtalmique', otic: 'Auriculaire', inhaled: 'Inhalée' },
  pet: {
    book: 'Prendre rendez-vous',
    name: 'Nom', species: 'Espèce', breed: 'Race', color: 'Robe / signes particuliers', dateOfBirth: 'Date de naissance', gender: 'Sexe', isNeutered: 'Stérilisé(e)',
    weightKg: 'Poids (kg)', microchipNumber: 'Puce électronique', microchipImplantedOn: 'Date de pose de la puce', notes: 'Notes', photo: 'Photo', isDeceased: 'Décédé(e)', deceasedDate: 'Date du décès',
    add: 'Ajouter un animal', edit: 'Modifier', saved: 'Modifications enregistrées.', created: '{{name}} est bien enregistré(e) !', photoSaved: 'Photo mise à jour.', changePhoto: 'Changer la photo', uploadPhoto: 'Importer une photo',
    none: 'Vous n’avez encore enregistré aucun animal.', age: '{{years}} a {{months}} m', ageMonths: '{{months}} mois', owner: 'Propriétaire', chart: 'Dossier médical',
  },
  tabs: { summary: 'Résumé', visits: 'Consultations', vaccines: 'Vaccins', health: 'Allergies et traitements', travel: 'Voyages' },
  visit: {
    title: 'Consultations', new: 'Saisir une consultation', reason: 'Motif', visitDate: 'Date et heure', subjective: 'S — Subjectif (anamnèse, propos du propriétaire)', objective: 'O — Objectif (examen clinique)',
    assessment: 'A — Analyse (diagnostic)', plan: 'P — Plan (traitement, consignes)', close: 'Clôturer la consultation', closed: 'Clôturée', open: 'Ouverte', locked: 'Verrouillée',
    saved: 'Consultation enregistrée.', none: 'Aucune consultation enregistrée.', by: 'Vu par {{name}}', addendum: 'Addendum', addAddendum: 'Ajouter un addendum', addendumSaved: 'Addendum ajouté.', section: 'Section',
    note: 'Note clinique', addNote: 'Ajouter une note', internal: 'Interne (équipe uniquement)', shared: 'Partagée avec le propriétaire', noteSaved: 'Note ajoutée.', edit: 'Modifier la consultation', lockedHelp: 'La consultation a été verrouillée 24 h après sa clôture ; toute modification passe par un addendum.',
  },
  vitals: { title: 'Constantes', weightKg: 'Poids (kg)', temperatureC: 'Température (°C)', heartRate: 'Fréq. cardiaque (bpm)', respiratoryRate: 'Fréq. respiratoire (mpm)', bodyConditionScore: 'État corporel (1–9)', weightChart: 'Évolution du poids (kg)' },
  vaccination: {
    title: 'Vaccins', given: 'Effectués', due: 'À venir', add: 'Enregistrer un vaccin', vaccine: 'Vaccin', protocol: 'Protocole', other: 'Autre', administeredDate: 'Date d’administration', manufacturer: 'Laboratoire',
    lot: 'Lot', expiryDate: 'Date de péremption', nextDue: 'Prochain rappel', givenElsewhere: 'Fait dans une autre clinique', site: 'Site d’injection', saved: 'Vaccin enregistré.', noneGiven: 'Aucun vaccin enregistré.', noneDue: 'Rien à prévoir pour le moment.',
  },
  allergy: { title: 'Allergies', add: 'Ajouter une allergie', allergen: 'Allergène', reaction: 'Réaction', severity: 'Gravité', diagnosedDate: 'Date du diagnostic', saved: 'Allergie enregistrée.', none: 'Aucune allergie connue.' },
  medication: { title: 'Traitements', add: 'Ajouter un médicament', name: 'Médicament', dosage: 'Dose', frequency: 'Fréquence', route: 'Voie', startDate: 'Début', endDate: 'Fin', isOngoing: 'Traitement au long cours', current: 'En cours', past: 'Terminé', saved: 'Médicament enregistré.', none: 'Aucun traitement.' },
  travelPlan: {
    title: 'Voyages', new: 'Préparer un voyage', destination: 'Destination', travelDate: 'Date d’arrivée', create: 'Créer la liste des démarches', created: 'C’est prêt : voici la liste des démarches pour le voyage.',
    pdfTitle: 'Préparatifs de voyage : {{pet}} vers {{destination}}', download: 'Télécharger la liste (PDF)', dueBy: 'au plus tard le {{date}}', notFeasible: 'À cette date, les conditions ne peuvent pas être remplies. Date la plus proche possible : {{date}}.',
    generatedOn: 'Généré le {{date}}', status: { done: 'Fait', pending: 'À faire', overdue: 'En retard', blocked: 'Impossible dans les délais' }, none: 'Aucun voyage prévu.',
    certificate: 'Certificat sanitaire', issue: 'Établir et signer le certificat', issued: 'Certificat {{number}} établi.', downloadCertificate: 'Télécharger le certificat (PDF)',
  },
  certificate: {
    title: 'Certificat sanitaire de voyage', number: 'N°', issuedOn: 'Date d’établissement', destination: 'Destination', animal: 'Identification de l’animal', owner: 'Propriétaire', vaccinations: 'Vaccinations',
    statement: 'Je soussigné(e), docteur vétérinaire, certifie avoir examiné {{pet}} à la date d’établissement du présent certificat, et que l’animal est cliniquement sain, exempt de signes de maladies infectieuses ou contagieuses et d’ectoparasites, et apte au voyage.',
    license: 'N° d’inscription à l’Ordre', footer: 'Valable pour un voyage avec arrivée au plus tard le {{date}}. Vérifiez les conditions en vigueur dans le pays de destination.',
  },
  admin: {
    home: 'Accueil', welcome: 'Bonjour, {{name}}', searchTitle: 'Rechercher un propriétaire ou un animal', searchPlaceholder: 'Nom de l’animal, propriétaire, téléphone, e-mail ou puce', results: 'Résultats', noResults: 'Aucun résultat pour « {{query}} ».',
    recentPets: 'Animaux avec activité récente', owners: 'Propriétaires', pets: 'Animaux', outbox: 'Messages que le système enverrait', outboxHelp: 'Aucun prestataire n’étant configuré, les e-mails et messages sont conservés ici.', noOutbox: 'Aucun message.',
    ownerPets: 'Animaux de {{name}}', addPetFor: 'Ajouter un animal', stats: { owners: 'Propriétaires', pets: 'Animaux actifs', visitsToday: 'Consultations du jour', overdue: 'Vaccins en retard' },
  },
  my: { title: 'Mes animaux', travelIntro: 'Découvrez ce dont votre animal a besoin pour voyager et téléchargez la liste avec les dates.' },
  protocols: { summary: 'Dès {{first}} semaines, toutes les {{interval}} semaines jusqu’à {{until}} ; rappel à {{booster}} mois, puis tous les {{every}} mois.', title: 'Protocoles de vaccination', help: 'Comment la clinique calcule quel vaccin est dû et quand. Les changements s’appliquent à tous les patients.', firstDoseWeeks: 'Première dose (semaines d’âge)', seriesIntervalWeeks: 'Intervalle de la série (semaines)', seriesUntilWeeks: 'Série jusqu’à (semaines d’âge)', adultInitialDoses: 'Doses initiales chez l’adulte', firstBoosterMonths: 'Premier rappel (mois)', boosterIntervalMonths: 'Rappels tous les (mois)', isActive: 'Utilisé', saved: 'Protocole mis à jour.' },
  records: { title: 'Examens et interventions', add: 'Ajouter un dossier', recordType: 'Type', date: 'Date', title2: 'Titre', description: 'Description', diagnosis: 'Diagnostic', treatment: 'Traitement', notes: 'Notes', internalNotes: 'Notes internes (équipe seulement)', saved: 'Dossier ajouté.', none: 'Aucun examen ni intervention.', types: { exam: 'Examen', vaccination: 'Vaccination', surgery: 'Chirurgie', lab: 'Laboratoire', prescription: 'Ordonnance' } },
};
