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

  'travel.destination.GB': 'Grande-Bretagne',
  'travel.destination.JP': 'Japon',
  'travel.destination.AR': 'Argentine',
  'travel.destination.CO': 'Colombie',
  'travel.rabies_doses': 'Au moins {{doses}} vaccinations antirabiques : chacune au moins {{days}} jours après la précédente et avant que celle-ci n’expire.',
  'travel.rabies_titre':
    'Titrage des anticorps antirabiques : prise de sang le jour de la dernière vaccination ou après, résultat d’au moins 0,5 UI/ml dans un laboratoire agréé par la destination ; entrée au plus tôt {{days}} jours après la prise de sang, qui vaut {{months}} mois.',
  'travel.jp_advance_notification': 'Notification préalable au service de quarantaine animale du Japon au moins {{toDays}} jours avant l’arrivée.',
  'travel.gb_tapeworm_treatment':
    'Traitement contre le ténia (Echinococcus) au praziquantel, administré par un vétérinaire {{toDays}} à {{fromDays}} jours (24 à 120 heures) avant l’arrivée.',
  'travel.parasite_treatment':
    'Recommandé : traitement contre les parasites internes et externes {{toDays}} à {{fromDays}} jours avant l’arrivée, inscrit sur le certificat (délai à confirmer auprès de l’autorité).',
  'travel.gb_health_certificate':
    'Certificat sanitaire pour la Grande-Bretagne rempli par le vétérinaire et visé par SENASICA, délivré au plus {{days}} jours avant l’arrivée.',
  'travel.jp_export_certificate': 'Examen clinique dans les {{days}} jours avant le départ et certificat d’exportation au format japonais, visé par SENASICA.',
  'travel.official_health_certificate':
    'Certificat de santé d’un vétérinaire, visé par SENASICA, attestant que l’animal a été examiné dans les {{days}} jours avant le voyage et ne présente aucun signe de maladie.',
  'travel.parasite_treatment_on_certificate': 'Recommandé : traitement contre les parasites internes et externes, inscrit sur le certificat.',
  'travel.core_vaccines_current':
    'Recommandé : vaccins essentiels de l’espèce à jour (chiens : maladie de Carré, hépatite, leptospirose, parvovirose ; chats : les vaccins félins essentiels).',
  'travel.checklist.rabies_next_dose': 'Faire la dose antirabique suivante entre le {{from}} et le {{dueBy}} (la précédente date du {{date}}).',
  'travel.checklist.rabies_course_needed':
    'Commencer les vaccinations antirabiques : première dose entre le {{from}} et le {{dueBy}}, {{doses}} doses en tout, chacune au moins {{days}} jours après la précédente.',
  'travel.checklist.rabies_titre_valid': 'Titrage des anticorps antirabiques prélevé le {{date}} : réussi, valable jusqu’au {{validUntil}}.',
  'travel.checklist.rabies_titre_wait_not_met':
    'Le titrage prélevé le {{date}} ne permet l’entrée qu’à partir du {{validFrom}} ({{days}} jours plus tard), après la date du voyage.',
  'travel.checklist.rabies_titre_needed':
    'Faire la prise de sang pour le titrage antirabique entre le {{from}} et le {{dueBy}}, après la dernière vaccination : l’entrée est possible {{days}} jours après la prise de sang.',
  'travel.checklist.rabies_titre_too_late':
    'La prise de sang pour le titrage antirabique aurait dû être faite au plus tard le {{dueBy}} ({{days}} jours avant l’arrivée), après la dernière vaccination.',
  'travel.checklist.jp_advance_notification': 'Envoyer la notification préalable au service de quarantaine animale du Japon au plus tard le {{to}}.',
  'travel.checklist.gb_tapeworm_treatment':
    'Faire administrer le traitement contre le ténia par un vétérinaire entre le {{from}} et le {{to}}, 24 à 120 heures avant l’arrivée, avec la date et l’heure inscrites.',
  'travel.checklist.parasite_treatment':
    'Faire le traitement contre les parasites internes et externes entre le {{from}} et le {{to}} et le faire inscrire sur le certificat.',
  'travel.checklist.gb_health_certificate':
    'Faire établir le certificat sanitaire pour la Grande-Bretagne et le faire viser par SENASICA entre le {{from}} et le {{to}}.',
  'travel.checklist.jp_export_certificate': 'Examen clinique et certificat d’exportation pour le Japon, visé par SENASICA, entre le {{from}} et le {{to}}.',
  'travel.checklist.official_health_certificate': 'Faire établir le certificat de santé et le faire viser par SENASICA entre le {{from}} et le {{to}}.',
  'travel.staff.checklist.jp_advance_notification':
    'Le propriétaire envoie la notification préalable au service de quarantaine animale du Japon au plus tard le {{to}}.',
  'travel.staff.checklist.gb_tapeworm_treatment':
    'Administrer le traitement contre le ténia (praziquantel) entre le {{from}} et le {{to}}, 24 à 120 heures avant l’arrivée, et noter produit, date et heure.',
  'travel.staff.checklist.gb_health_certificate':
    'Remplir et signer le certificat sanitaire pour la Grande-Bretagne entre le {{from}} et le {{to}} ; le propriétaire le fait viser par SENASICA.',
  'travel.staff.checklist.jp_export_certificate':
    'Faire l’examen clinique et remplir le certificat d’exportation pour le Japon entre le {{from}} et le {{to}} ; le propriétaire le fait viser par SENASICA.',
  'travel.staff.checklist.official_health_certificate':
    'Établir et signer le certificat de santé entre le {{from}} et le {{to}} ; le propriétaire le fait viser par SENASICA.',
  'travel.note.gb_tapeworm_hours':
    'Le traitement contre le ténia doit tomber entre 24 et 120 heures avant l’heure d’arrivée prévue : le planifier selon l’heure du vol.',
  'travel.note.gb_listed_no_titre': 'Le Mexique est un pays listé pour la Grande-Bretagne : aucun titrage des anticorps antirabiques n’est demandé.',
  'travel.note.gb_approved_route':
    'Les animaux doivent entrer en Grande-Bretagne avec un transporteur agréé sur un itinéraire agréé (en avion, en général en soute ou en fret) : vérifier auprès de la compagnie avant de réserver.',
  'travel.note.gb_max_five_pets': 'Un déplacement non commercial permet jusqu’à 5 animaux par personne.',
  'travel.note.jp_leptospirosis': 'Pour les chiens, le certificat atteste aussi que le chien ne présente aucun signe de leptospirose.',
  'travel.note.jp_designated_lab':
    'Le titrage doit être fait dans un laboratoire désigné par le Japon (liste sur le site du MAFF) ; la prise de sang peut avoir lieu le jour de la dernière dose et le résultat prend des semaines.',
  'travel.note.jp_keep_vaccination':
    'Garder la vaccination antirabique valide avec un rappel avant l’expiration de chaque dose : si elle expire, les vaccinations, le titrage et les 180 jours recommencent.',
  'travel.note.jp_quarantine_if_short':
    'Un animal arrivant avant la fin des 180 jours, ou sans notification préalable, est retenu à la station de quarantaine jusqu’à 180 jours.',
  'travel.note.ar_certificate_spanish': 'Le certificat doit être en espagnol (ou accompagné d’une traduction) et identifier le propriétaire et l’animal.',
  'travel.note.ar_parasites_confirm':
    'SENASA demande que le traitement antiparasitaire figure sur le certificat mais ne publie pas de délai : le confirmer auprès de SENASA.',
  'travel.note.ar_inspection_fee': 'SENASA perçoit des frais d’inspection à l’arrivée ; les animaux conformes ne font pas de quarantaine.',
  'travel.note.co_ica_inspection':
    'À l’arrivée, l’ICA contrôle l’animal et ses documents et délivre le certificat d’inspection sanitaire (CIS) ; le demander en ligne avant et apporter la preuve de paiement.',
  'travel.note.co_confirm_with_ica':
    'Le délai du traitement antiparasitaire et les autres vaccins sont ici des recommandations : les confirmer auprès de l’ICA avant le voyage.',
};
