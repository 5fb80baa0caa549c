// The canonical model of DOMAIN.md as data: which tables a snapshot holds, their columns and
// types. Importers map source files onto these; migrations/0001_init.sql creates the same
// tables (a test checks the two agree column by column).

export type ColumnType = 'text' | 'int' | 'real' | 'date' | 'period' | 'bool';

export interface CanonicalColumn {
  name: string;
  type: ColumnType;
  /** Empty values are rejected unless the column is optional. */
  optional?: boolean;
  /** Numbers below this are rejected (quantities, prices). */
  min?: number;
  /** Closed set of allowed values for text columns. */
  oneOf?: readonly string[];
}

export interface CanonicalTable {
  name: CanonicalTableName;
  /** The source system that owns these rows in DOMAIN.md. */
  owner: SourceSystem;
  columns: readonly CanonicalColumn[];
  /** Natural key, unique within a snapshot. */
  key: readonly string[];
}

export const SOURCE_SYSTEMS = ['ERP', 'TMS', 'WMS', 'CRM'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

export const SOURCE_OWNER_ROLE: Record<SourceSystem, string> = {
  ERP: 'COO / supply planning',
  TMS: 'Logistics',
  WMS: 'Warehouse',
  CRM: 'Sales',
};

const qty = (name: string, optional = false): CanonicalColumn => ({
  name,
  type: 'real',
  min: 0,
  optional,
});
const text = (name: string, optional = false): CanonicalColumn => ({ name, type: 'text', optional });

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'items',
    owner: 'ERP',
    key: ['sku'],
    columns: [
      text('sku'),
      text('description', true),
      text('family'),
      qty('unit_cost'),
      qty('unit_price'),
      { name: 'abc_class', type: 'text', oneOf: ['A', 'B', 'C'] },
      { name: 'is_key', type: 'bool' },
      text('base_unit'),
    ],
  },
  {
    name: 'locations',
    owner: 'ERP',
    key: ['location'],
    columns: [text('location'), text('name'), { name: 'type', type: 'text', oneOf: ['plant', 'dc'] }, text('region')],
  },
  {
    name: 'customers',
    owner: 'ERP',
    key: ['customer'],
    columns: [text('customer'), text('name'), text('region')],
  },
  {
    name: 'item_locations',
    owner: 'ERP',
    key: ['sku', 'location'],
    columns: [
      text('sku'),
      text('location'),
      qty('safety_stock'),
      { name: 'lead_time_days', type: 'int', min: 0 },
      qty('min_order_qty'),
    ],
  },
  {
    name: 'resources',
    owner: 'ERP',
    key: ['resource', 'period'],
    columns: [text('resource'), text('location'), { name: 'period', type: 'period' }, qty('capacity_hours')],
  },
  {
    name: 'routings',
    owner: 'ERP',
    key: ['sku', 'resource'],
    columns: [text('sku'), text('resource'), qty('hours_per_unit')],
  },
  {
    name: 'supply',
    owner: 'ERP',
    key: ['sku', 'location', 'period', 'kind'],
    columns: [
      text('sku'),
      text('location'),
      { name: 'period', type: 'period' },
      { name: 'kind', type: 'text', oneOf: ['receipt', 'production'] },
      qty('qty'),
    ],
  },
  {
    name: 'production_actuals',
    owner: 'ERP',
    key: ['resource', 'sku', 'period'],
    columns: [text('resource'), text('sku'), { name: 'period', type: 'period' }, qty('qty')],
  },
  {
    name: 'sales_orders',
    owner: 'ERP',
    key: ['order_id', 'line'],
    columns: [
      text('order_id'),
      { name: 'line', type: 'int', min: 1 },
      text('customer'),
      text('sku'),
      text('location'),
      qty('qty'),
      { name: 'requested_date', type: 'date' },
      { name: 'committed_date', type: 'date' },
      qty('unit_price'),
      { name: 'status', type: 'text', oneOf: ['open', 'shipped', 'delivered', 'cancelled'] },
    ],
  },
  {
    name: 'actual_sales',
    owner: 'ERP',
    key: ['sku', 'location', 'period'],
    columns: [text('sku'), text('location'), { name: 'period', type: 'period' }, qty('qty')],
  },
  {
    name: 'erp_on_hand',
    owner: 'ERP',
    key: ['sku', 'location'],
    columns: [text('sku'), text('location'), qty('on_hand')],
  },
  {
    name: 'lanes',
    owner: 'TMS',
    key: ['lane'],
    columns: [
      text('lane'),
      text('origin'),
      text('destination'),
      { name: 'mode', type: 'text', oneOf: ['road', 'rail', 'sea', 'air'] },
      { name: 'transit_days', type: 'int', min: 0 },
      qty('cost_per_load'),
    ],
  },
  {
    name: 'shipments',
    owner: 'TMS',
    key: ['shipment_id'],
    columns: [
      text('shipment_id'),
      text('order_id'),
      { name: 'line', type: 'int', min: 1 },
      text('lane'),
      text('carrier'),
      { name: 'planned_ship_date', type: 'date' },
      { name: 'eta', type: 'date' },
      { name: 'delivered_date', type: 'date', optional: true },
      {
        name: 'status',
        type: 'text',
        oneOf: ['planned', 'in_transit', 'delivered', 'rerouted', 'cancelled'],
      },
      text('constraint_code', true),
      qty('freight_cost'),
    ],
  },
  {
    name: 'lane_capacity',
    owner: 'TMS',
    key: ['lane', 'period'],
    columns: [text('lane'), { name: 'period', type: 'period' }, qty('capacity_loads'), qty('booked_loads')],
  },
  {
    name: 'stock',
    owner: 'WMS',
    key: ['sku', 'location'],
    columns: [
      text('sku'),
      text('location'),
      qty('on_hand'),
      qty('allocated'),
      qty('blocked'),
      { name: 'as_of', type: 'date' },
    ],
  },
  {
    name: 'pick_status',
    owner: 'WMS',
    key: ['order_id', 'line'],
    columns: [
      text('order_id'),
      { name: 'line', type: 'int', min: 1 },
      { name: 'status', type: 'text', oneOf: ['not_started', 'picking', 'picked', 'packed', 'blocked'] },
      text('constraint_code', true),
    ],
  },
  {
    name: 'forecasts',
    owner: 'CRM',
    key: ['sku', 'location', 'period', 'version'],
    columns: [
      text('sku'),
      text('location'),
      { name: 'period', type: 'period' },
      { name: 'version', type: 'text', oneOf: ['current', 'prior'] },
      qty('qty'),
    ],
  },
  {
    name: 'pipeline',
    owner: 'CRM',
    key: ['opportunity_id', 'sku'],
    columns: [
      text('opportunity_id'),
      text('customer'),
      text('sku'),
      qty('qty'),
      { name: 'probability', type: 'real', min: 0 },
      { name: 'expected_period', type: 'period' },
    ],
  },
];

export type CanonicalTableName =
  | 'items'
  | 'locations'
  | 'customers'
  | 'item_locations'
  | 'resources'
  | 'routings'
  | 'supply'
  | 'production_actuals'
  | 'sales_orders'
  | 'actual_sales'
  | 'erp_on_hand'
  | 'lanes'
  | 'shipments'
  | 'lane_capacity'
  | 'stock'
  | 'pick_status'
  | 'forecasts'
  | 'pipeline';

export function canonicalTable(name: CanonicalTableName): CanonicalTable {
  const table = CANONICAL_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown canonical table ${name}`);
  return table;
}
