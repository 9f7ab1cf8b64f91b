export const fr: Record<string, string> = {
  'travel.destination.US': 'États-Unis',
  'travel.destination.EU': 'Union européenne',
  'travel.destination.CA': 'Canada',

  'travel.min_age': 'Avoir au moins {{months}} mois à l’arrivée.',
  'travel.microchip': 'Puce électronique {{standard}} implantée et lisible.',
  'travel.microchip_before_rabies': 'La puce doit être implantée avant la vaccination antirabique ou le même jour.',
  'travel.rabies_vaccine': 'Vaccination antirabique en cours de validité, faite à partir de {{minAgeWeeks}} semaines d’âge.',
  'travel.rabies_from_age': 'Certificat de vaccination antirabique valide pour les chiens et chats de {{months}} mois ou plus.',
  'travel.rabies_wait':
    'Au moins {{days}} jours doivent s’écouler après la première vaccination antirabique (ou un rappel fait après expiration du précédent) avant l’entrée.',
  'travel.cdc_dog_import_form': 'Reçu du formulaire CDC Dog Import Form, rempli en ligne entre {{fromDays}} et {{toDays}} jours avant l’arrivée.',
  'travel.health_certificate':
    'Certificat de santé signé par un vétérinaire, délivré dans les {{days}} jours précédant le voyage (exigé par la plupart des compagnies aériennes).',
  'travel.eu_health_certificate':
    'Certificat sanitaire de l’UE rempli par le vétérinaire et visé par SENASICA, délivré au plus {{days}} jours avant l’entrée ; il couvre ensuite {{months}} mois de déplacements dans l’UE.',
  'travel.cdc_low_risk_history':
    'Au cours des {{months}} derniers mois, le chien n’a séjourné que dans des pays indemnes de rage ou à faible risque (comme le Mexique).',
  'travel.healthy_on_arrival': 'Arriver en bonne santé, sans signe de maladie.',

  'travel.checklist.species_not_covered':
    'Nous ne disposons pas des règles de voyage pour cette espèce ; renseignez-vous auprès de l’autorité du pays de destination.',
  'travel.checklist.min_age': 'Votre animal aura {{months}} mois le {{date}} et ne peut pas entrer avant cette date.',
  'travel.checklist.min_age_confirm': 'Confirmez que votre animal aura au moins {{months}} mois à l’arrivée (date de naissance non enregistrée).',
  'travel.checklist.microchip': 'Puce {{number}} enregistrée.',
  'travel.checklist.microchip_needed': 'Implanter une puce {{standard}} au plus tard le {{dueBy}}.',
  'travel.checklist.microchip_date_missing':
    'Enregistrez la date d’implantation de la puce {{number}} : la vaccination antirabique ne compte que si elle a été faite ce jour-là ou après. Date limite : {{dueBy}}.',
  'travel.checklist.rabies_not_required': 'Pas de vaccination antirabique nécessaire : votre animal aura moins de {{months}} mois à l’arrivée.',
  'travel.checklist.rabies_valid': 'Vaccination antirabique du {{date}}, valable jusqu’au {{validUntil}}.',
  'travel.checklist.rabies_wait_not_met':
    'La vaccination antirabique du {{date}} ne sera valable pour l’entrée qu’à partir du {{validFrom}} ({{days}} jours plus tard), après la date du voyage.',
  'travel.checklist.rabies_booster': 'La vaccination antirabique expire le {{validUntil}}, avant le voyage : faire le rappel au plus tard le {{dueBy}}.',
  'travel.checklist.rabies_too_young':
    'Votre animal pourra être vacciné contre la rage à partir du {{eligibleOn}} ({{minAgeWeeks}} semaines), mais pour ce voyage il devrait l’être au plus tard le {{dueBy}}.',
  'travel.checklist.rabies_before_microchip':
    'La vaccination antirabique du {{date}} ne compte pas, car rien n’indique qu’elle ait été faite après la pose de la puce ; revacciner au plus tard le {{dueBy}}.',
  'travel.checklist.rabies_needed': 'Faire la vaccination antirabique entre le {{from}} et le {{dueBy}}.',
  'travel.checklist.cdc_dog_import_form': 'Remplir le formulaire CDC Dog Import Form entre le {{from}} et le {{to}} et emporter le reçu.',
  'travel.checklist.health_certificate': 'Faire établir le certificat de santé entre le {{from}} et le {{to}}.',
  'travel.checklist.eu_health_certificate': 'Faire établir le certificat sanitaire de l’UE et le faire viser par SENASICA entre le {{from}} et le {{to}}.',

  // The same items addressed to the clinic team (the admin's travel plan).
  'travel.staff.checklist.species_not_covered':
    'Nous ne disposons pas des règles de voyage pour cette espèce : orienter le propriétaire vers l’autorité du pays de destination.',
  'travel.staff.checklist.min_age': 'Le patient aura {{months}} mois le {{date}} et ne peut pas entrer avant cette date.',
  'travel.staff.checklist.min_age_confirm':
    'Vérifier avec le propriétaire que le patient aura au moins {{months}} mois à l’arrivée et enregistrer sa date de naissance.',
  'travel.staff.checklist.rabies_not_required': 'Pas de vaccination antirabique nécessaire : le patient aura moins de {{months}} mois à l’arrivée.',
  'travel.staff.checklist.microchip_date_missing':
    'Enregistrer au dossier la date d’implantation de la puce {{number}} : la vaccination antirabique ne compte que si elle a été faite ce jour-là ou après. Date limite : {{dueBy}}.',
  'travel.staff.checklist.rabies_too_young':
    'Le patient pourra être vacciné contre la rage à partir du {{eligibleOn}} ({{minAgeWeeks}} semaines), mais pour ce voyage il devrait l’être au plus tard le {{dueBy}}.',
  'travel.staff.checklist.cdc_dog_import_form': 'Le propriétaire remplit le formulaire CDC Dog Import Form entre le {{from}} et le {{to}} et apporte le reçu.',
  'travel.staff.checklist.health_certificate': 'Établir et signer le certificat de santé entre le {{from}} et le {{to}}.',
  'travel.staff.checklist.eu_health_certificate':
    'Remplir et signer le certificat sanitaire de l’UE entre le {{from}} et le {{to}} ; le propriétaire le fait viser par SENASICA.',

  'travel.note.verify_official_sources':
    'Les exigences évoluent : vérifiez-les auprès de l’autorité de destination et de votre compagnie aérienne avant le départ.',
  'travel.note.species_not_covered':
    'Pour les oiseaux, lapins et autres espèces, les règles dépendent de chaque pays ; renseignez-vous auprès de l’autorité de destination.',
  'travel.note.us_rabies_airlines_states':
    'Les CDC n’exigent pas de certificat antirabique pour les chiens venant du Mexique, mais de nombreuses compagnies aériennes et États exigent une vaccination antirabique valide.',
  'travel.note.us_high_risk_history':
    'Si le chien a séjourné dans un pays à haut risque de rage au cours des 6 derniers mois, des exigences plus strictes des CDC s’appliquent.',
  'travel.note.us_cat_state_rules':
    'Les CDC n’exigent pas la vaccination antirabique des chats, mais certains États oui ; vérifiez les règles de l’État de destination.',
  'travel.note.us_hawaii_guam': 'Hawaï et Guam ont leurs propres règles et quarantaines.',
  'travel.note.eu_no_titer':
    'Le Mexique figure sur la liste des pays de l’UE (règlement 577/2013) : aucun titrage des anticorps antirabiques n’est nécessaire.',
  'travel.note.eu_certificate_validity':
    'Le certificat est valable 10 jours après sa délivrance pour l’entrée, puis 4 mois pour les déplacements dans l’UE, ou jusqu’à l’expiration de la vaccination antirabique si elle est plus proche.',
  'travel.note.eu_certificate_after_wait':
    'Beaucoup de vétérinaires officiels ne signent le certificat qu’une fois passés les 21 jours suivant la vaccination antirabique : vaccinez plus d’un mois à l’avance.',
  'travel.note.eu_echinococcus':
    'Les chiens qui se rendent en Finlande, en Irlande, à Malte, en Irlande du Nord ou en Norvège doivent recevoir d’un vétérinaire un traitement contre Echinococcus 1 à 5 jours avant l’arrivée.',
  'travel.note.eu_max_five_pets': 'Un mouvement non commercial permet jusqu’à 5 animaux par personne.',
  'travel.note.eu_travellers_entry_point': 'L’entrée doit se faire par un point d’entrée des voyageurs, où les documents sont contrôlés.',
  'travel.note.ca_no_waiting_period': 'Le Canada n’impose pas de délai d’attente après la vaccination antirabique.',
  'travel.note.ca_under_three_months':
    'Les chiens et chats de moins de 3 mois n’ont pas besoin de certificat antirabique mais doivent arriver en bonne santé ; une preuve d’âge peut être demandée.',
  'travel.note.ca_certificate_content':
    'Le certificat antirabique doit être en anglais ou en français et indiquer race, couleur, poids, vaccin, numéro de série et durée de validité (un an si elle n’est pas précisée).',
};
