import { verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Actor, type FileStorage, type ModuleContext, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { csdUploadSchema, issuerSchema } from './billing.schemas';
import type { BillingSettings } from './billing.settings';
import { type Csd, CsdError, loadCsd, personaOfRfc, regimenAllowedFor, validateRfc } from './cfdi/index';

const TEST_CADENA = '||4.0|Pet-Friendly|prueba de sello||';

/** The CSD files in use: uploaded in the admin, given by path, or the SAT's public test CSD. */
export async function csdFiles(settings: BillingSettings, storage: FileStorage): Promise<{ cer: Buffer; key: Buffer }> {
  if (settings.CSD_STORAGE_KEY) {
    const [cer, key] = await Promise.all([storage.get(`${settings.CSD_STORAGE_KEY}.cer`), storage.get(`${settings.CSD_STORAGE_KEY}.key`)]);
    if (!cer || !key) throw new CsdError('billing.csd_missing', 'The uploaded CSD files are missing from file storage; upload them again.');
    return { cer: Buffer.from(cer), key: Buffer.from(key) };
  }
  const demo = (file: string) => new URL(`../assets/demo-csd/${file}`, import.meta.url);
  return { cer: readFileSync(settings.CSD_CER_PATH ?? demo('EKU9003173C9.cer')), key: readFileSync(settings.CSD_KEY_PATH ?? demo('EKU9003173C9.key')) };
}

/**
 * The clinic as CFDI emisor: its RFC, name, régimen and postal code, and its CSD. An admin sets them
 * at run time (setup); they are stored as BILLING settings over the environment's, and the CFDI
 * service reads them at each use.
 */
export function createIssuerService(ctx: ModuleContext, settings: BillingSettings) {
  const { clock, storage } = ctx;

  async function getIssuer() {
    const stored = await ctx.settings.storedKeys('BILLING');
    let csd: { rfc: string; noCertificado: string; validTo: string } | null = null;
    try {
      const c = loadCsd({ ...(await csdFiles(settings, storage)), password: settings.CSD_PASSWORD });
      csd = { rfc: c.rfc, noCertificado: c.noCertificado, validTo: c.validTo };
    } catch {
      csd = null;
    }
    return {
      rfc: settings.ISSUER_RFC,
      legalName: settings.ISSUER_NAME,
      regimenFiscal: settings.ISSUER_REGIMEN,
      postalCode: settings.ISSUER_POSTAL_CODE,
      /** False while the SAT's test issuer of a fresh install is in use. */
      configured: stored.includes('ISSUER_RFC') || settings.ISSUER_RFC !== 'EKU9003173C9',
      csd,
      csdSource: settings.CSD_STORAGE_KEY ? 'uploaded' : settings.CSD_CER_PATH ? 'path' : 'sat-test',
    };
  }

  async function updateIssuer(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const data = parseInput(issuerSchema, input);
    // As for customers: a wrong check digit is let through (the SAT's own test RFCs have one).
    const check = validateRfc(data.rfc);
    if (!check.valid && check.code !== 'check_digit') throw ValidationError.forField(`billing.rfc_${check.code}`, 'rfc', check.reason);
    if (check.valid && check.generic) throw ValidationError.forField('billing.rfc_generic', 'rfc', 'A generic RFC cannot issue invoices.');
    if (!regimenAllowedFor(data.regimenFiscal, personaOfRfc(check.rfc))) {
      throw ValidationError.forField('billing.regimen_not_allowed', 'regimenFiscal', `Régimen ${data.regimenFiscal} does not apply to this kind of RFC.`, {
        regimen: data.regimenFiscal,
      });
    }
    await ctx.settings.save(actor, 'BILLING', {
      ISSUER_RFC: check.rfc,
      ISSUER_NAME: data.legalName.toUpperCase(),
      ISSUER_REGIMEN: data.regimenFiscal,
      ISSUER_POSTAL_CODE: data.postalCode,
    });
    return getIssuer();
  }

  /**
   * Checks a CSD as the SAT would use it: the files open with the password, are a pair, belong to the
   * issuer's RFC, are in force, and a test string sealed with the key verifies with the certificate.
   * Then keeps the files and makes them the clinic's.
   */
  async function installCsd(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const data = parseInput(csdUploadSchema, input);
    const csd = loadCsd(data);
    if (csd.rfc !== settings.ISSUER_RFC) {
      throw new CsdError('billing.csd_wrong_rfc', `The CSD belongs to ${csd.rfc}, but the issuer is ${settings.ISSUER_RFC}.`);
    }
    if (new Date(csd.validTo) < clock.now()) throw new CsdError('billing.csd_expired', `The CSD expired on ${csd.validTo.slice(0, 10)}.`);
    if (!sealVerifies(csd, data.cer)) throw new CsdError('billing.csd_mismatch', 'A test string sealed with the .key does not verify with the .cer.');
    const storageKey = `billing/csd/${csd.noCertificado}`;
    await storage.put(`${storageKey}.cer`, data.cer);
    await storage.put(`${storageKey}.key`, data.key);
    await ctx.settings.save(actor, 'BILLING', { CSD_STORAGE_KEY: storageKey, CSD_PASSWORD: data.password });
    return { rfc: csd.rfc, noCertificado: csd.noCertificado, validTo: csd.validTo };
  }

  return { getIssuer, updateIssuer, installCsd };
}

function sealVerifies(csd: Csd, cer: Buffer): boolean {
  const sello = Buffer.from(csd.sign(TEST_CADENA), 'base64');
  return verify('sha256', Buffer.from(TEST_CADENA, 'utf8'), new X509Certificate(cer).publicKey, sello);
}

export type IssuerService = ReturnType<typeof createIssuerService>;
