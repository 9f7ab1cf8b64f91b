import type { es } from './es';

export const en: typeof es = {
  nav: { myPets: 'My pets', search: 'Search', today: 'Today' },
  species: { dog: 'Dog', cat: 'Cat', bird: 'Bird', rabbit: 'Rabbit', other: 'Other' },
  gender: { male: 'Male', female: 'Female', unknown: 'Not specified' },
  severity: { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' },
  route: { oral: 'Oral', injection: 'Injection', topical: 'Topical', ophthalmic: 'Ophthalmic', otic: 'Otic (ear)', inhaled: 'Inhaled' },
  pet: {
    book: 'Book a visit',
    name: 'Name', species: 'Species', breed: 'Breed', color: 'Color / markings', dateOfBirth: 'Date of birth', gender: 'Sex', isNeutered: 'Spayed / neutered',
    weightKg: 'Weight (kg)', microchipNumber: 'Microchip', microchipImplantedOn: 'Microchip implant date', notes: 'Notes', photo: 'Photo', isDeceased: 'Deceased', deceasedDate: 'Date of death',
    add: 'Add pet', edit: 'Edit', saved: 'Changes saved.', created: '{{name}} is now registered!', photoSaved: 'Photo updated.', changePhoto: 'Change photo', uploadPhoto: 'Upload photo',
    none: 'You haven’t registered any pets yet.', age: '{{years}} y {{months}} m', ageMonths: '{{months}} months', owner: 'Owner', chart: 'Medical record',
  },
  tabs: { summary: 'Summary', visits: 'Visits', vaccines: 'Vaccines', health: 'Allergies & medications', travel: 'Travel' },
  visit: {
    title: 'Visits', new: 'Record visit', reason: 'Reason for visit', visitDate: 'Date and time', subjective: 'S — Subjective (history, owner’s account)', objective: 'O — Objective (physical exam)',
    assessment: 'A — Assessment (diagnosis)', plan: 'P — Plan (treatment, instructions)', close: 'Close visit', closed: 'Closed', open: 'Open', locked: 'Locked',
    saved: 'Visit recorded.', none: 'No visits recorded.', by: 'Seen by {{name}}', addendum: 'Addendum', addAddendum: 'Add addendum', addendumSaved: 'Addendum added.', section: 'Section',
    note: 'Clinical note', addNote: 'Add note', internal: 'Internal (staff only)', shared: 'Shared with owner', noteSaved: 'Note added.', edit: 'Edit visit', lockedHelp: 'This visit was locked 24 h after it was closed; make changes by adding an addendum.',
  },
  vitals: { title: 'Vital signs', weightKg: 'Weight (kg)', temperatureC: 'Temperature (°C)', heartRate: 'Heart rate (bpm)', respiratoryRate: 'Respiratory rate (breaths/min)', bodyConditionScore: 'Body condition score (1–9)', weightChart: 'Weight over time (kg)' },
  vaccination: {
    title: 'Vaccines', given: 'Given', due: 'Upcoming', add: 'Record vaccine', vaccine: 'Vaccine', protocol: 'Protocol', other: 'Other', administeredDate: 'Date given', manufacturer: 'Manufacturer',
    lot: 'Lot', expiryDate: 'Vial expiry date', nextDue: 'Next dose', givenElsewhere: 'Given at another clinic', site: 'Injection site', saved: 'Vaccine recorded.', noneGiven: 'No vaccines recorded.', noneDue: 'Nothing due right now.',
  },
  allergy: { title: 'Allergies', add: 'Add allergy', allergen: 'Allergen', reaction: 'Reaction', severity: 'Severity', diagnosedDate: 'Date diagnosed', saved: 'Allergy recorded.', none: 'No known allergies.' },
  medication: { title: 'Medications', add: 'Add medication', name: 'Medication', dosage: 'Dose', frequency: 'Frequency', route: 'Route', startDate: 'Start', endDate: 'End', isOngoing: 'Ongoing treatment', current: 'Current', past: 'Completed', saved: 'Medication recorded.', none: 'No medications.' },
  travelPlan: {
    title: 'Travel', new: 'Plan a trip', destination: 'Destination', travelDate: 'Arrival date', create: 'Create checklist', created: 'Done — here’s your travel checklist.',
    pdfTitle: 'Travel checklist: {{pet}} to {{destination}}', download: 'Download checklist (PDF)', dueBy: 'by {{date}}', notFeasible: 'The requirements can’t be met by this date. Earliest possible date: {{date}}.',
    generatedOn: 'Generated on {{date}}', status: { done: 'Done', pending: 'Pending', overdue: 'Overdue', blocked: 'Can’t be done in time' }, none: 'No trips planned.',
    certificate: 'Health certificate', issue: 'Issue and sign certificate', issued: 'Certificate {{number}} issued.', downloadCertificate: 'Download certificate (PDF)',
  },
  certificate: {
    title: 'Health certificate for travel', number: 'Certificate no.', issuedOn: 'Date of issue', destination: 'Destination', animal: 'Animal details', owner: 'Owner', vaccinations: 'Vaccinations',
    statement: 'I, the undersigned veterinarian, certify that I examined {{pet}} on the date of issue and found the animal clinically healthy, free of signs of infectious or contagious disease and of ectoparasites, and fit to travel.',
    license: 'License no.', footer: 'Valid for one trip arriving no later than {{date}}. Please check the current requirements of the destination country.',
  },
  admin: {
    home: 'Home', welcome: 'Hi, {{name}}', searchTitle: 'Search owners or pets', searchPlaceholder: 'Pet name, owner, phone, email or microchip', results: 'Results', noResults: 'No results for “{{query}}”.',
    recentPets: 'Pets with recent activity', owners: 'Owners', pets: 'Pets', outbox: 'Messages the system would send', outboxHelp: 'No provider is configured, so emails and messages are stored here.', noOutbox: 'No messages.',
    ownerPets: '{{name}}’s pets', addPetFor: 'Add pet', stats: { owners: 'Owners', pets: 'Active pets', visitsToday: 'Visits today', overdue: 'Overdue vaccines' },
  },
  my: { title: 'My pets', travelIntro: 'See what your pet needs to travel and download the checklist with dates.' },
  protocols: { summary: 'From {{first}} weeks, every {{interval}} weeks until {{until}}; booster at {{booster}} months, then every {{every}} months.', title: 'Vaccination protocols', help: 'How the clinic works out which vaccine is due and when. Changes apply to every patient.', firstDoseWeeks: 'First dose (weeks of age)', seriesIntervalWeeks: 'Series interval (weeks)', seriesUntilWeeks: 'Series until (weeks of age)', adultInitialDoses: 'Initial doses for adults', firstBoosterMonths: 'First booster (months)', boosterIntervalMonths: 'Boosters every (months)', isActive: 'In use', saved: 'Protocol updated.' },
  records: { title: 'Tests and procedures', add: 'Add record', recordType: 'Type', date: 'Date', title2: 'Title', description: 'Description', diagnosis: 'Diagnosis', treatment: 'Treatment', notes: 'Notes', internalNotes: 'Internal notes (staff only)', saved: 'Record added.', none: 'No tests or procedures.', types: { exam: 'Exam', vaccination: 'Vaccination', surgery: 'Surgery', lab: 'Lab', prescription: 'Prescription' } },
};
