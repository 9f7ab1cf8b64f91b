import type { AccountType, RevenueKind, Side } from './accounting.tables';

export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
  /** The SAT's código agrupador (Anexo 24). */
  sat: string;
  parent?: string;
  group?: boolean;
  /** Contra accounts (sales discounts) sit on the side opposite to their type's. */
  side?: Side;
  bank?: boolean;
  cash?: boolean;
  ar?: boolean;
  ap?: boolean;
}

export const naturalSideOf = (type: AccountType): Side => (type === 'asset' || type === 'expense' ? 'debit' : 'credit');

/**
 * The accounts the posting rules book into, by what they are for. Staff may rename them or add
 * sub-accounts; the codes stay.
 */
export const LEDGER = {
  cash: '1101',
  bank: '1102.01',
  receivables: '1103',
  cardClearing: '1104',
  onlineClearing: '1105',
  inventory: '1106',
  ivaCreditablePaid: '1107',
  ivaCreditablePending: '1108',
  payables: '2101',
  goodsReceived: '2102',
  customerCredit: '2103',
  ivaCollected: '2104',
  ivaPending: '2105',
  ivaWithheld: '2107',
  isrWithheld: '2108',
  serviceRevenue: '4109',
  productRevenue: '4200',
  shippingRevenue: '4300',
  otherRevenue: '4900',
  costOfSales: '5101',
  purchasePriceDifferences: '5102',
  shrinkage: '6101',
  generalExpenses: '6103',
  bankFees: '7101',
} as const;

/** Revenue by the kind of line, when no category is mapped to an account of its own. */
export const REVENUE_BY_KIND: Record<RevenueKind, string> = {
  service: LEDGER.serviceRevenue,
  product: LEDGER.productRevenue,
  shipping: LEDGER.shippingRevenue,
  other: LEDGER.otherRevenue,
};

/** The default chart of a Mexican veterinary clinic, each account with its código agrupador. */
export const DEFAULT_CHART: ChartAccount[] = [
  { code: '1', name: 'Activo', type: 'asset', sat: '100', group: true },
  { code: '11', name: 'Activo circulante', type: 'asset', sat: '100.01', parent: '1', group: true },
  { code: '1101', name: 'Caja', type: 'asset', sat: '101.01', parent: '11', cash: true },
  { code: '1102', name: 'Bancos', type: 'asset', sat: '102', parent: '11', group: true },
  { code: '1102.01', name: 'Banco cuenta principal', type: 'asset', sat: '102.01', parent: '1102', bank: true },
  { code: '1103', name: 'Clientes', type: 'asset', sat: '105.01', parent: '11', ar: true },
  { code: '1104', name: 'Tarjetas por liquidar (terminal)', type: 'asset', sat: '107.05', parent: '11' },
  { code: '1105', name: 'Pagos en línea por liquidar', type: 'asset', sat: '107.05', parent: '11' },
  { code: '1106', name: 'Inventario de mercancías', type: 'asset', sat: '115.01', parent: '11' },
  { code: '1107', name: 'IVA acreditable pagado', type: 'asset', sat: '118.01', parent: '11' },
  { code: '1108', name: 'IVA pendiente de acreditar', type: 'asset', sat: '119.01', parent: '11' },
  { code: '12', name: 'Activo fijo', type: 'asset', sat: '100.02', parent: '1', group: true },
  { code: '1201', name: 'Equipo médico', type: 'asset', sat: '153.01', parent: '12' },
  { code: '1202', name: 'Equipo de cómputo', type: 'asset', sat: '156.01', parent: '12' },
  { code: '2', name: 'Pasivo', type: 'liability', sat: '200', group: true },
  { code: '21', name: 'Pasivo a corto plazo', type: 'liability', sat: '200.01', parent: '2', group: true },
  { code: '2101', name: 'Proveedores', type: 'liability', sat: '201.01', parent: '21', ap: true },
  { code: '2102', name: 'Mercancía recibida por facturar', type: 'liability', sat: '201.01', parent: '21' },
  { code: '2103', name: 'Anticipos y saldo a favor de clientes', type: 'liability', sat: '206.01', parent: '21' },
  { code: '2104', name: 'IVA trasladado cobrado', type: 'liability', sat: '208.01', parent: '21' },
  { code: '2105', name: 'IVA trasladado no cobrado', type: 'liability', sat: '209.01', parent: '21' },
  { code: '2106', name: 'IVA por pagar', type: 'liability', sat: '213.01', parent: '21' },
  { code: '2107', name: 'IVA retenido por enterar', type: 'liability', sat: '216.10', parent: '21' },
  { code: '2108', name: 'ISR retenido por enterar', type: 'liability', sat: '216.04', parent: '21' },
  { code: '3', name: 'Capital contable', type: 'equity', sat: '300', group: true },
  { code: '3101', name: 'Capital social', type: 'equity', sat: '301.01', parent: '3' },
  { code: '3201', name: 'Resultados de ejercicios anteriores', type: 'equity', sat: '304.01', parent: '3' },
  { code: '3301', name: 'Resultado del ejercicio', type: 'equity', sat: '305.01', parent: '3' },
  { code: '4', name: 'Ingresos', type: 'revenue', sat: '400', group: true },
  { code: '41', name: 'Servicios veterinarios', type: 'revenue', sat: '401', parent: '4', group: true },
  { code: '4101', name: 'Consultas', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4102', name: 'Vacunación y prevención', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4103', name: 'Cirugía', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4104', name: 'Estética', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4105', name: 'Urgencias', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4109', name: 'Otros servicios veterinarios', type: 'revenue', sat: '401.01', parent: '41' },
  { code: '4200', name: 'Venta de productos', type: 'revenue', sat: '401.01', parent: '4' },
  { code: '4300', name: 'Envíos', type: 'revenue', sat: '401.01', parent: '4' },
  { code: '4400', name: 'Descuentos sobre ventas', type: 'revenue', sat: '402.01', parent: '4', side: 'debit' },
  { code: '4900', name: 'Otros ingresos', type: 'revenue', sat: '403.01', parent: '4' },
  { code: '5', name: 'Costos', type: 'expense', sat: '500', group: true },
  { code: '5101', name: 'Costo de venta de productos', type: 'expense', sat: '501.01', parent: '5' },
  { code: '5102', name: 'Diferencias en precio de compras', type: 'expense', sat: '501.01', parent: '5' },
  { code: '6', name: 'Gastos', type: 'expense', sat: '600', group: true },
  { code: '6101', name: 'Merma y caducidad de inventario', type: 'expense', sat: '601.84', parent: '6' },
  { code: '6102', name: 'Sueldos y salarios', type: 'expense', sat: '601.01', parent: '6' },
  { code: '6103', name: 'Gastos generales', type: 'expense', sat: '601.84', parent: '6' },
  { code: '7', name: 'Resultado integral de financiamiento', type: 'expense', sat: '700', group: true },
  { code: '7101', name: 'Comisiones bancarias', type: 'expense', sat: '701.10', parent: '7' },
];
