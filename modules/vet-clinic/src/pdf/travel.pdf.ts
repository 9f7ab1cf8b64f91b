import type { ClinicSettings } from '@petfriendly/core';
import type { TFunction } from 'i18next';
import type { RuleSource, TravelChecklist } from '../travel';
import { BRAND, labelled, letterhead, renderPdf } from './document';

interface PlanForPdf {
  id: number;
  destination: string;
  travelDate: string;
  checklist: TravelChecklist;
  source: RuleSource;
  pet: {
    name: string;
    species: string;
    breed: string;
    color: string;
    gender: string;
    dateOfBirth: string | null;
    microchipNumber: string | null;
    microchipImplantedOn: string | null;
    weightKg: string | null;
  };
}

const STATUS_MARK: Record<string, string> = { done: '[x]', pending: '[ ]', overdue: '[!]', blocked: '[X]' };

/** The owner's dated checklist for a trip. */
export function checklistPdf(input: { clinic: ClinicSettings; t: TFunction; plan: PlanForPdf; today: string }) {
  const { t, plan, clinic } = input;
  const destination = t(`vet-clinic:travel.destination.${plan.destination}`);
  return renderPdf(
    (doc) => {
      letterhead(doc, clinic, t('vet-clinic:travelPlan.pdfTitle', { pet: plan.pet.name, destination }));
      labelled(doc, t('vet-clinic:travelPlan.travelDate'), plan.travelDate);
      labelled(doc, t('vet-clinic:pet.microchipNumber'), plan.pet.microchipNumber ?? '');
      doc.moveDown();
      if (!plan.checklist.feasible) {
        doc
          .fillColor('#b91c1c')
          .font('Helvetica-Bold')
          .text(t('vet-clinic:travelPlan.notFeasible', { date: plan.checklist.earliestFeasibleDate ?? '—' }));
        doc.fillColor('#111').font('Helvetica').moveDown(0.5);
      }
      for (const item of plan.checklist.items) {
        const due = item.dueBy ? `  (${t('vet-clinic:travelPlan.dueBy', { date: item.dueBy })})` : '';
        doc.font('Helvetica-Bold').text(`${STATUS_MARK[item.status]} `, { continued: true });
        doc.font('Helvetica').text(`${t(`vet-clinic:travel.${item.key}`, item.params)}${due}`);
        doc
          .fillColor('#666')
          .fontSize(8.5)
          .text(t(`vet-clinic:travelPlan.status.${item.status}`))
          .fillColor('#111')
          .fontSize(10.5);
        doc.moveDown(0.4);
      }
      doc.moveDown().fontSize(8.5).fillColor('#666').text(t('vet-clinic:travel.note.verify_official_sources'));
      const { authority, url, checkedOn } = plan.source;
      doc.text(`${t('vet-clinic:travelPlan.source')}: ${authority}, ${url} (${t('vet-clinic:travelPlan.checkedOn', { date: checkedOn })})`);
      doc.text(t('vet-clinic:travelPlan.generatedOn', { date: input.today }));
    },
    { title: `Travel checklist ${plan.pet.name}`, author: clinic.NAME },
  );
}

/** The health certificate a veterinarian signs for a trip (Spanish, as Mexican authorities read it). */
export function certificatePdf(input: {
  clinic: ClinicSettings;
  t: TFunction;
  certificateNumber: string;
  issuedOn: string;
  plan: PlanForPdf;
  ownerName: string;
  vet: { name: string; title: string; licenseNumber: string };
  vaccinations: { vaccineName: string; administeredDate: string; lotNumber: string; manufacturer: string; nextDueDate: string | null }[];
}) {
  const { t, plan, clinic, vet } = input;
  return renderPdf(
    (doc) => {
      letterhead(doc, clinic, t('vet-clinic:certificate.title'));
      labelled(doc, t('vet-clinic:certificate.number'), input.certificateNumber);
      labelled(doc, t('vet-clinic:certificate.issuedOn'), input.issuedOn);
      labelled(doc, t('vet-clinic:certificate.destination'), t(`vet-clinic:travel.destination.${plan.destination}`));
      labelled(doc, t('vet-clinic:travelPlan.travelDate'), plan.travelDate);
      doc.moveDown().fillColor(BRAND).font('Helvetica-Bold').text(t('vet-clinic:certificate.animal')).fillColor('#111').font('Helvetica');
      labelled(doc, t('vet-clinic:pet.name'), plan.pet.name);
      labelled(doc, t('vet-clinic:pet.species'), t(`vet-clinic:species.${plan.pet.species}`));
      labelled(doc, t('vet-clinic:pet.breed'), plan.pet.breed);
      labelled(doc, t('vet-clinic:pet.color'), plan.pet.color);
      labelled(doc, t('vet-clinic:pet.gender'), t(`vet-clinic:gender.${plan.pet.gender}`));
      labelled(doc, t('vet-clinic:pet.dateOfBirth'), plan.pet.dateOfBirth ?? '');
      labelled(doc, t('vet-clinic:pet.weightKg'), plan.pet.weightKg ? `${plan.pet.weightKg} kg` : '');
      labelled(
        doc,
        t('vet-clinic:pet.microchipNumber'),
        `${plan.pet.microchipNumber ?? ''}${plan.pet.microchipImplantedOn ? ` (${plan.pet.microchipImplantedOn})` : ''}`,
      );
      labelled(doc, t('vet-clinic:certificate.owner'), input.ownerName);
      doc.moveDown().fillColor(BRAND).font('Helvetica-Bold').text(t('vet-clinic:certificate.vaccinations')).fillColor('#111').font('Helvetica');
      for (const v of input.vaccinations) {
        doc.text(
          `• ${v.vaccineName} — ${v.administeredDate}${v.manufacturer ? ` · ${v.manufacturer}` : ''}${v.lotNumber ? ` · ${t('vet-clinic:vaccination.lot')} ${v.lotNumber}` : ''}${v.nextDueDate ? ` · ${t('vet-clinic:vaccination.nextDue')} ${v.nextDueDate}` : ''}`,
        );
      }
      doc.moveDown().text(t('vet-clinic:certificate.statement', { pet: plan.pet.name }), { align: 'justify' });
      doc.moveDown(3);
      const x = doc.page.margins.left;
      doc
        .strokeColor('#111')
        .lineWidth(0.7)
        .moveTo(x, doc.y)
        .lineTo(x + 240, doc.y)
        .stroke();
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .text(`${vet.title ? `${vet.title} ` : ''}${vet.name}`);
      doc.font('Helvetica').text(`${t('vet-clinic:certificate.license')}: ${vet.licenseNumber || '—'}`);
      doc
        .moveDown()
        .fontSize(8.5)
        .fillColor('#666')
        .text(t('vet-clinic:certificate.footer', { date: plan.travelDate }));
    },
    { title: `Certificado ${input.certificateNumber}`, author: clinic.NAME },
  );
}
