/**
 * Words people use for the same thing at a clinic, per content language, folded (lower case, no accents).
 * A search for any word of a group, in any of its forms (the stems are compared: inyecciones → inyeccion),
 * also finds entries with the others. Kept small and clinic-specific: a general thesaurus would widen every search.
 */
const GROUPS: Record<string, string[][]> = {
  es: [
    ['vacuna', 'vacunacion', 'vacunar', 'inyeccion', 'refuerzo'],
    ['cita', 'turno', 'consulta', 'agendar', 'reservar'],
    ['desparasitar', 'desparasitacion', 'desparasitante', 'parasitos', 'lombrices'],
    ['esterilizar', 'esterilizacion', 'castrar', 'castracion', 'operar'],
    ['urgencia', 'emergencia', 'urgente'],
    ['precio', 'costo', 'cuesta', 'tarifa', 'cobran'],
    ['horario', 'abren', 'cierran', 'abierto'],
    ['pago', 'pagar', 'tarjeta', 'efectivo', 'transferencia'],
    ['factura', 'facturar', 'facturacion', 'cfdi'],
    ['pulga', 'garrapata', 'antipulgas'],
    ['viajar', 'viaje', 'extranjero', 'avion'],
    ['receta', 'prescripcion', 'medicamento', 'medicina'],
    ['devolucion', 'devolver', 'cambio', 'reembolso'],
    ['envio', 'domicilio', 'entrega', 'recoger'],
  ],
  en: [
    ['vaccine', 'vaccination', 'shot', 'jab', 'booster'],
    ['appointment', 'booking', 'book', 'visit'],
    ['deworm', 'deworming', 'worm', 'parasite'],
    ['spay', 'neuter', 'castration', 'sterilisation', 'sterilization'],
    ['emergency', 'urgent'],
    ['price', 'cost', 'fee'],
    ['refund', 'return', 'exchange'],
  ],
};

/** Each group of a language as a tsquery text (`vacuna | vacunacion | …`); stemmed by PostgreSQL when used. */
export function synonymGroups(language: string): string[] {
  return (GROUPS[language] ?? []).map((group) => group.join(' | '));
}
