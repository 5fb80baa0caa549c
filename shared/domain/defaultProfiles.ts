// The mapping profiles that ship for the demo company's four source systems. The demo generator
// writes its files with exactly these headers (and the file patterns without their *), and the
// importer reads them back through them. A dated export such as sales_orders_2026-11-30.csv
// matches too; when several match, the newest is taken.
import type { SourceSystem } from './canonical';
import type { CsvOptions, SourceProfile, ValueFormat } from './profile';

const AUTO_CSV: CsvOptions = { delimiter: 'auto', encoding: 'auto' };
const ISO_VALUES: ValueFormat = { decimal: '.', thousands: '', dateFormats: ['yyyy-MM-dd'] };

export const DEFAULT_PROFILES: Record<SourceSystem, SourceProfile> = {
  ERP: {
    source: 'ERP',
    csv: AUTO_CSV,
    format: ISO_VALUES,
    files: [
      {
        file: 'items*.xlsx',
        sheet: 'Items',
        table: 'items',
        columns: {
          sku: 'Material',
          description: 'Description',
          family: 'Product Family',
          unit_cost: 'Standard Cost',
          unit_price: 'List Price',
          abc_class: 'ABC',
          is_key: 'Key Item',
          base_unit: 'Base UoM',
        },
      },
      {
        file: 'locations*.csv',
        table: 'locations',
        columns: { location: 'Plant', name: 'Name', type: 'Type', region: 'Region' },
      },
      {
        file: 'customers*.csv',
        table: 'customers',
        columns: { customer: 'Customer', name: 'Name', region: 'Region' },
      },
      {
        file: 'item_locations*.csv',
        table: 'item_locations',
        columns: {
          sku: 'Material',
          location: 'Plant',
          safety_stock: 'Safety Stock',
          lead_time_days: 'Lead Time Days',
          min_order_qty: 'Min Lot Size',
        },
      },
      {
        file: 'resources*.csv',
        table: 'resources',
        columns: {
          resource: 'Work Center',
          location: 'Plant',
          period: 'Week',
          capacity_hours: 'Capacity Hours',
        },
      },
      {
        file: 'routings*.csv',
        table: 'routings',
        columns: { sku: 'Material', resource: 'Work Center', hours_per_unit: 'Hours Per Unit' },
      },
      {
        file: 'supply*.csv',
        table: 'supply',
        columns: { sku: 'Material', location: 'Plant', period: 'Week', kind: 'Type', qty: 'Quantity' },
      },
      {
        file: 'production_actuals*.csv',
        table: 'production_actuals',
        columns: { resource: 'Work Center', sku: 'Material', period: 'Week', qty: 'Confirmed Qty' },
      },
      {
        file: 'sales_orders*.csv',
        table: 'sales_orders',
        columns: {
          order_id: 'Sales Order',
          line: 'Item',
          customer: 'Sold-To',
          sku: 'Material',
          location: 'Plant',
          qty: 'Order Qty',
          requested_date: 'Requested Date',
          committed_date: 'Committed Date',
          unit_price: 'Net Price',
          status: 'Status',
        },
      },
      {
        file: 'actual_sales*.csv',
        table: 'actual_sales',
        columns: { sku: 'Material', location: 'Plant', period: 'Week', qty: 'Invoiced Qty' },
      },
      {
        file: 'on_hand*.csv',
        table: 'erp_on_hand',
        columns: { sku: 'Material', location: 'Plant', on_hand: 'Unrestricted Stock' },
      },
    ],
  },
  TMS: {
    source: 'TMS',
    csv: AUTO_CSV,
    format: ISO_VALUES,
    files: [
      {
        file: 'lanes*.csv',
        table: 'lanes',
        columns: {
          lane: 'lane_id',
          origin: 'origin',
          destination: 'destination',
          mode: 'mode',
          transit_days: 'transit_days',
          cost_per_load: 'cost_per_load',
        },
      },
      {
        file: 'shipments*.csv',
        table: 'shipments',
        columns: {
          shipment_id: 'shipment_id',
          order_id: 'order_ref',
          line: 'order_line',
          lane: 'lane_id',
          carrier: 'carrier',
          planned_ship_date: 'planned_ship',
          eta: 'eta',
          delivered_date: 'delivered',
          status: 'status',
          constraint_code: 'constraint_code',
          freight_cost: 'freight_cost',
        },
      },
      {
        file: 'lane_capacity*.csv',
        table: 'lane_capacity',
        columns: {
          lane: 'lane_id',
          period: 'week',
          capacity_loads: 'capacity_loads',
          booked_loads: 'booked_loads',
        },
      },
    ],
  },
  WMS: {
    source: 'WMS',
    csv: AUTO_CSV,
    format: ISO_VALUES,
    files: [
      {
        file: 'stock*.csv',
        table: 'stock',
        columns: {
          sku: 'item',
          location: 'site',
          on_hand: 'on_hand',
          allocated: 'allocated',
          blocked: 'blocked',
          as_of: 'as_of',
        },
      },
      {
        file: 'pick_status*.csv',
        table: 'pick_status',
        columns: { order_id: 'order', line: 'line', status: 'pick_status', constraint_code: 'hold_code' },
      },
    ],
  },
  CRM: {
    source: 'CRM',
    csv: AUTO_CSV,
    format: ISO_VALUES,
    files: [
      {
        file: 'forecast*.csv',
        table: 'forecasts',
        columns: { sku: 'Product', location: 'Site', period: 'Week', version: 'Version', qty: 'Quantity' },
      },
      {
        file: 'pipeline*.csv',
        table: 'pipeline',
        columns: {
          opportunity_id: 'Opportunity',
          customer: 'Account',
          sku: 'Product',
          qty: 'Quantity',
          probability: 'Probability',
          expected_period: 'Close Week',
        },
      },
    ],
  },
};
