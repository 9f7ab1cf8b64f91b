export const CFDI_NS = 'http://www.sat.gob.mx/cfd/4';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const TFD_NS = 'http://www.sat.gob.mx/TimbreFiscalDigital';
export const PAGO20_NS = 'http://www.sat.gob.mx/Pagos20';

export const CFDI_SCHEMA_LOCATION = `${CFDI_NS} http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd`;
export const PAGO20_SCHEMA_LOCATION = `${PAGO20_NS} http://www.sat.gob.mx/sitio_internet/cfd/Pagos/Pagos20.xsd`;
