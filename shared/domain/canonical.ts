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
  /** What the column holds, for the schema the CLI and the Data page show. */
  meaning?: string;
}

export interface CanonicalTable {
  name: CanonicalTableName;
  /** The source system that owns these rows in DOMAIN.md. */
  owner: SourceSystem;
  /** What the table holds, for the schema the CLI and the Data page show. */
  meaning: string;
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

const qty = (name: string, meaning: string, optional = false): CanonicalColumn => ({
  name,
  type: 'real',
  min: 0,
  optional,
  meaning,
});
const text = (name: string, meaning: string, optional = false): CanonicalColumn => ({
  name,
  type: 'text',
  optional,
  meaning,
});
const week = (name: string, meaning: string): CanonicalColumn => ({ name, type: 'period', meaning });
const SKU = 'the item (SKU) as the item master names it';
const LOCATION = 'the plant or DC, as the location master names it';

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'items',
    owner: 'ERP',
    meaning: 'The item master: every SKU with its family, cost, price and class.',
    key: ['sku'],
    columns: [
      text('sku', 'the item code, unique'),
      text('description', 'what the item is', true),
      text('family', 'the product family the KPIs and roll-ups group by'),
      qty('unit_cost', 'standard cost of one base unit, in the reporting currency'),
      qty('unit_price', 'list price of one base unit, in the reporting currency'),
      {
        name: 'abc_class',
        type: 'text',
        oneOf: ['A', 'B', 'C'],
        meaning: 'ABC class; class A items are watched for safety stock',
      },
      { name: 'is_key', type: 'bool', meaning: 'a key item, watched for safety stock whatever its class (Y/N)' },
      text('base_unit', 'the unit every quantity of the item is in'),
    ],
  },
  {
    name: 'locations',
    owner: 'ERP',
    meaning: 'The location master: plants and distribution centres.',
    key: ['location'],
    columns: [
      text('location', 'the site code, unique'),
      text('name', 'the site name'),
      { name: 'type', type: 'text', oneOf: ['plant', 'dc'], meaning: 'plant (produces) or dc (distribution centre)' },
      text('region', 'the sales region; demand lifts can target it'),
    ],
  },
  {
    name: 'customers',
    owner: 'ERP',
    meaning: 'The customer master.',
    key: ['customer'],
    columns: [
      text('customer', 'the customer code, unique'),
      text('name', 'the customer name'),
      text('region', 'the sales region'),
    ],
  },
  {
    name: 'item_locations',
    owner: 'ERP',
    meaning: 'Planning parameters of each item at each site.',
    key: ['sku', 'location'],
    columns: [
      text('sku', SKU),
      text('location', LOCATION),
      qty('safety_stock', 'the stock level below which the projection raises an exception'),
      { name: 'lead_time_days', type: 'int', min: 0, meaning: 'replenishment lead time in days' },
      qty('min_order_qty', 'the smallest quantity one order or production run makes'),
    ],
  },
  {
    name: 'resources',
    owner: 'ERP',
    meaning: 'Capacity of each production resource by week.',
    key: ['resource', 'period'],
    columns: [
      text('resource', 'the work centre or line'),
      text('location', 'the plant it belongs to'),
      week('period', 'the ISO week (YYYY-Www)'),
      qty('capacity_hours', 'hours available in the week'),
    ],
  },
  {
    name: 'routings',
    owner: 'ERP',
    meaning: 'Which resource makes an item, and how long one unit takes there.',
    key: ['sku', 'resource'],
    columns: [
      text('sku', SKU),
      text('resource', 'the resource that makes it'),
      qty('hours_per_unit', 'resource hours per base unit'),
    ],
  },
  {
    name: 'supply',
    owner: 'ERP',
    meaning: 'Planned receipts and production by item, site and week.',
    key: ['sku', 'location', 'period', 'kind'],
    columns: [
      text('sku', SKU),
      text('location', LOCATION),
      week('period', 'the ISO week the supply arrives or is made'),
      {
        name: 'kind',
        type: 'text',
        oneOf: ['receipt', 'production'],
        meaning: 'receipt (bought or transferred in) or production (made on a resource)',
      },
      qty('qty', 'quantity in base units'),
    ],
  },
  {
    name: 'production_actuals',
    owner: 'ERP',
    meaning: 'What each resource actually produced by week, for plan adherence.',
    key: ['resource', 'sku', 'period'],
    columns: [
      text('resource', 'the resource'),
      text('sku', SKU),
      week('period', 'the ISO week'),
      qty('qty', 'quantity produced'),
    ],
  },
  {
    name: 'sales_orders',
    owner: 'ERP',
    meaning: 'Customer order lines with their committed dates.',
    key: ['order_id', 'line'],
    columns: [
      text('order_id', 'the order number'),
      { name: 'line', type: 'int', min: 1, meaning: 'the line number within the order' },
      text('customer', 'the customer code'),
      text('sku', SKU),
      text('location', 'the site that ships it'),
      qty('qty', 'ordered quantity in base units'),
      { name: 'requested_date', type: 'date', meaning: 'the date the customer asked for' },
      { name: 'committed_date', type: 'date', meaning: 'the ship date promised; OTIF judges against it' },
      qty('unit_price', 'the agreed price of one base unit'),
      {
        name: 'status',
        type: 'text',
        oneOf: ['open', 'shipped', 'delivered', 'cancelled'],
        meaning: 'the line status; only open lines are projected as demand',
      },
    ],
  },
  {
    name: 'actual_sales',
    owner: 'ERP',
    meaning: 'Sales by item, site and week, for forecast accuracy.',
    key: ['sku', 'location', 'period'],
    columns: [
      text('sku', SKU),
      text('location', LOCATION),
      week('period', 'the ISO week'),
      qty('qty', 'quantity sold'),
    ],
  },
  {
    name: 'erp_on_hand',
    owner: 'ERP',
    meaning: 'Stock as the ERP books it, checked against the WMS.',
    key: ['sku', 'location'],
    columns: [text('sku', SKU), text('location', LOCATION), qty('on_hand', 'booked quantity on hand')],
  },
  {
    name: 'lanes',
    owner: 'TMS',
    meaning: 'Transport lanes with mode, transit time and cost.',
    key: ['lane'],
    columns: [
      text('lane', 'the lane code, unique'),
      text('origin', 'the site it leaves from'),
      text('destination', 'where it goes'),
      { name: 'mode', type: 'text', oneOf: ['road', 'rail', 'sea', 'air'], meaning: 'the transport mode' },
      { name: 'transit_days', type: 'int', min: 0, meaning: 'days in transit' },
      qty('cost_per_load', 'freight cost of one load'),
    ],
  },
  {
    name: 'shipments',
    owner: 'TMS',
    meaning: 'Shipments planned or under way for order lines.',
    key: ['shipment_id'],
    columns: [
      text('shipment_id', 'the shipment number, unique'),
      text('order_id', 'the order it carries'),
      { name: 'line', type: 'int', min: 1, meaning: 'the order line it carries' },
      text('lane', 'the lane it travels'),
      text('carrier', 'the carrier'),
      { name: 'planned_ship_date', type: 'date', meaning: 'the date it is planned to leave' },
      { name: 'eta', type: 'date', meaning: 'expected arrival' },
      { name: 'delivered_date', type: 'date', optional: true, meaning: 'when it was delivered; empty until then' },
      {
        name: 'status',
        type: 'text',
        oneOf: ['planned', 'in_transit', 'delivered', 'rerouted', 'cancelled'],
        meaning: 'where the shipment stands',
      },
      text('constraint_code', 'the TMS reason code holding it up, if any', true),
      qty('freight_cost', 'its freight cost'),
    ],
  },
  {
    name: 'lane_capacity',
    owner: 'TMS',
    meaning: 'Loads each lane can take by week, and those booked.',
    key: ['lane', 'period'],
    columns: [
      text('lane', 'the lane'),
      week('period', 'the ISO week'),
      qty('capacity_loads', 'loads the lane can take'),
      qty('booked_loads', 'loads already booked'),
    ],
  },
  {
    name: 'stock',
    owner: 'WMS',
    meaning: 'Stock in the warehouse: the projection starts from it.',
    key: ['sku', 'location'],
    columns: [
      text('sku', SKU),
      text('location', LOCATION),
      qty('on_hand', 'physical quantity on hand'),
      qty('allocated', 'quantity reserved for orders'),
      qty('blocked', 'quantity blocked (quality, damage)'),
      { name: 'as_of', type: 'date', meaning: 'the date the stock was counted' },
    ],
  },
  {
    name: 'pick_status',
    owner: 'WMS',
    meaning: 'Picking progress of order lines in the warehouse.',
    key: ['order_id', 'line'],
    columns: [
      text('order_id', 'the order number'),
      { name: 'line', type: 'int', min: 1, meaning: 'the order line' },
      {
        name: 'status',
        type: 'text',
        oneOf: ['not_started', 'picking', 'picked', 'packed', 'blocked'],
        meaning: 'where picking stands',
      },
      text('constraint_code', 'the WMS reason code holding it up, if any', true),
    ],
  },
  {
    name: 'forecasts',
    owner: 'CRM',
    meaning: 'Demand forecast by item, site and week: the current version and the prior one.',
    key: ['sku', 'location', 'period', 'version'],
    columns: [
      text('sku', SKU),
      text('location', LOCATION),
      week('period', 'the ISO week'),
      {
        name: 'version',
        type: 'text',
        oneOf: ['current', 'prior'],
        meaning: "current (planned with) or prior (the previous cycle's, for demand shifts)",
      },
      qty('qty', 'forecast quantity in base units'),
    ],
  },
  {
    name: 'pipeline',
    owner: 'CRM',
    meaning: 'Sales opportunities, to judge whether the forecast is realistic.',
    key: ['opportunity_id', 'sku'],
    columns: [
      text('opportunity_id', 'the opportunity number'),
      text('customer', 'the customer'),
      text('sku', SKU),
      qty('qty', 'quantity in base units'),
      { name: 'probability', type: 'real', min: 0, meaning: 'the chance it closes, 0 to 1' },
      week('expected_period', 'the ISO week it is expected to close'),
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

/** One column as the schema shows it: everything a person mapping an export needs to know. */
export interface SchemaColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Numbers below this are refused. */
  min: number | null;
  /** The closed set of values, or null for any value of the type. */
  allowed: string[] | null;
  meaning: string;
  /** Part of the table's natural key (unique within a snapshot). */
  key: boolean;
}

export interface SchemaTable {
  name: CanonicalTableName;
  owner: SourceSystem;
  meaning: string;
  key: string[];
  columns: SchemaColumn[];
}

/** The canonical schema from the one descriptor above: what `profile schema` and the Data page list. */
export function canonicalSchema(): SchemaTable[] {
  return CANONICAL_TABLES.map((t) => ({
    name: t.name,
    owner: t.owner,
    meaning: t.meaning,
    key: [...t.key],
    columns: t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      required: !c.optional,
      min: c.min ?? null,
      allowed: c.oneOf ? [...c.oneOf] : null,
      meaning: c.meaning ?? '',
      key: t.key.includes(c.name),
    })),
  }));
}

export function canonicalTable(name: CanonicalTableName): CanonicalTable {
  const table = CANONICAL_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown canonical table ${name}`);
  return table;
}
