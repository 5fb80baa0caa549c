// A tiny company whose source systems export in a foreign (German) format, written file by file
// so a person can follow every figure on paper: German headers, semicolons, decimal commas,
// thousands dots, day-first dates (periods derived from them with weekOf), an ERP in
// Windows-1252, a CRM file with a UTF-8 byte order mark, a WMS with CRLF line ends, and no TMS.
// tests/integration/foreignCompany.test.ts computes its KPIs and exceptions by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceProfile } from '../../shared/domain/profile';

export interface ForeignCompany {
  /** Export folder per source (no TMS). */
  folders: { ERP: string; WMS: string; CRM: string };
  /** Mapping profile JSON file per source, for `planroom profile set`. */
  profiles: { ERP: string; WMS: string; CRM: string };
}

/**
 * The values the exports write where the canonical model has a closed set, and how the profile
 * maps them back. With `foreign` the files say WERK/LAGER, Fertigung/Bestellung, offen/storniert/
 * geliefert, AKTUELL/VORHER and the profiles carry `values`; without it the files write the
 * canonical words and the profiles carry no `values` (for a build whose profile schema lacks it).
 */
function vocabulary(foreign: boolean) {
  const words = {
    type: { WERK: 'plant', LAGER: 'dc' },
    kind: { Fertigung: 'production', Bestellung: 'receipt' },
    status: { offen: 'open', storniert: 'cancelled', geliefert: 'delivered' },
    version: { AKTUELL: 'current', VORHER: 'prior' },
  } as const;
  const say = <C extends keyof typeof words>(column: C, word: keyof (typeof words)[C]): string =>
    foreign ? String(word) : String(words[column][word]);
  const values = <C extends keyof typeof words>(...columns: C[]) =>
    foreign ? { values: Object.fromEntries(columns.map((c) => [c, words[c]])) } : {};
  return { say, values };
}

const csv = (rows: string[][], eol = '\n'): string => rows.map((r) => r.join(';')).join(eol) + eol;

export function writeForeignCompany(dir: string, foreign: boolean): ForeignCompany {
  const { say, values } = vocabulary(foreign);
  const folders = { ERP: join(dir, 'sap'), WMS: join(dir, 'lvs'), CRM: join(dir, 'crm') };
  for (const f of Object.values(folders)) mkdirSync(f, { recursive: true });
  // Extraction times (UTC). In Berlin the ERP's is Monday 7 Dec 00:30 (W50, so W49 is complete);
  // in UTC it would still be Sunday 6 Dec (W49). The WMS stock is of Sunday 6 Dec 22:00 (W49).
  const manifest = (folder: string, at: string) =>
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ extracted_at: at }));
  manifest(folders.ERP, '2026-12-06T23:30:00Z');
  manifest(folders.WMS, '2026-12-06T21:00:00Z');
  manifest(folders.CRM, '2026-12-06T22:00:00Z');

  // ERP: Windows-1252 (umlauts in headers and names).
  const erp = (name: string, rows: string[][]) =>
    writeFileSync(join(folders.ERP, name), Buffer.from(csv(rows), 'latin1'));
  erp('artikel.csv', [
    ['Artikelnr', 'Bezeichnung', 'Warengruppe', 'Standardpreis', 'Listenpreis', 'ABC', 'Schlüsselartikel', 'ME'],
    ['P100', 'Pumpe Typ 100', 'Pumpen', '61,50', '91,50', 'A', '', 'ST'],
    ['P200', 'Pumpe Typ 200 Größe S', 'Pumpen', '8,15', '12,40', 'B', 'X', 'ST'],
    ['V300', 'Ventil 300', 'Ventile', '4,00', '6,00', 'C', '', 'ST'],
  ]);
  erp('werke.csv', [
    ['Werk', 'Name', 'Werkstyp', 'Region'],
    ['W1', 'Werk München', say('type', 'WERK'), 'Süd'],
    ['L1', 'Lager Hamburg', say('type', 'LAGER'), 'Nord'],
    ['L2', 'Lager Köln', say('type', 'LAGER'), 'West'],
  ]);
  erp('kunden.csv', [
    ['Kunde', 'Name', 'Region'],
    ['K1', 'Müller GmbH', 'Süd'],
    ['K2', 'Schäfer AG', 'West'],
  ]);
  erp('dispo.csv', [
    ['Artikelnr', 'Werk', 'Sicherheitsbestand', 'WBZ Tage', 'Mindestlosgröße'],
    ['P100', 'W1', '50', '14', '10'],
    ['P100', 'L1', '20', '7', '10'],
    ['P200', 'L2', '15', '7', '5'],
    ['P200', 'W1', '10', '7', '5'],
    ['V300', 'L1', '30', '7', '5'],
  ]);
  erp('arbeitsplaetze.csv', [
    ['Arbeitsplatz', 'Werk', 'Wochenbeginn', 'Kapazität Std'],
    ...['07.12.2026', '14.12.2026', '21.12.2026', '28.12.2026', '04.01.2027', '11.01.2027'].map((d) => [
      'M1',
      'W1',
      d,
      '80,0',
    ]),
  ]);
  erp('arbeitsplaene.csv', [
    ['Artikelnr', 'Arbeitsplatz', 'Std je Stück'],
    ['P100', 'M1', '0,5'],
  ]);
  erp('zugaenge.csv', [
    ['Artikelnr', 'Werk', 'Termin', 'Art', 'Menge'],
    ['P100', 'W1', '05.10.2026', say('kind', 'Fertigung'), '50'], // W41
    ['P100', 'W1', '16.11.2026', say('kind', 'Fertigung'), '50'], // W47
    ['P100', 'W1', '23.11.2026', say('kind', 'Fertigung'), '50'], // W48
    ['P100', 'W1', '24.11.2026', say('kind', 'Bestellung'), '500'], // W48
    ['P100', 'W1', '03.12.2026', say('kind', 'Fertigung'), '30'], // W49
    ['P100', 'W1', '15.12.2026', say('kind', 'Fertigung'), '40'], // W51
    ['P100', 'W1', '05.01.2027', say('kind', 'Bestellung'), '120'], // 2027-W01
    ['P200', 'L2', '24.11.2026', say('kind', 'Bestellung'), '200'], // W48
    ['P200', 'L2', '04.12.2026', say('kind', 'Bestellung'), '10'], // W49
  ]);
  erp('rueckmeldungen.csv', [
    ['Arbeitsplatz', 'Artikelnr', 'Buchungsdatum', 'Gutmenge'],
    ['M1', 'P100', '08.10.2026', '10'], // W41
    ['M1', 'P100', '05.11.2026', '20'], // W45
    ['M1', 'P100', '18.11.2026', '45'], // W47
    ['M1', 'P100', '25.11.2026', '60'], // W48
  ]);
  erp('auftraege.csv', [
    [
      'Auftrag',
      'Position',
      'Kunde',
      'Artikelnr',
      'Werk',
      'Menge',
      'Wunschtermin',
      'Bestätigter Termin',
      'Nettopreis',
      'Status',
    ],
    ['A1', '1', 'K1', 'P100', 'W1', '25', '30.11.2026', '02.12.2026', '91,50', say('status', 'offen')],
    ['A1', '2', 'K1', 'P100', 'W1', '30', '07.12.2026', '09.12.2026', '91,50', say('status', 'offen')],
    ['A2', '1', 'K2', 'P200', 'L2', '20', '14.12.2026', '17.12.2026', '12,40', say('status', 'offen')],
    ['A3', '1', 'K2', 'P200', 'L2', '100', '21.12.2026', '23.12.2026', '12,40', say('status', 'storniert')],
    ['A4', '1', 'K2', 'P200', 'L2', '50', '07.12.2026', '08.12.2026', '12,40', say('status', 'geliefert')],
    ['A5', '1', 'K2', 'P200', 'L2', '5', '04.01.2027', '06.01.2027', '12,40', say('status', 'offen')],
    ['A6', '1', 'K1', 'P100', 'W1', '999', '08.03.2027', '10.03.2027', '91,50', say('status', 'offen')],
  ]);
  erp('absatz.csv', [
    ['Artikelnr', 'Werk', 'Fakturadatum', 'Menge'],
    ['P100', 'W1', '03.09.2026', '20'], // W36
    ['P100', 'W1', '19.11.2026', '44'], // W47
    ['P100', 'W1', '26.11.2026', '30'], // W48
    ['P100', 'W1', '04.12.2026', '38'], // W49
    ['P100', 'L1', '27.11.2026', '12'], // W48
    ['P200', 'L2', '02.12.2026', '8'], // W49
    ['P200', 'W1', '25.11.2026', '7'], // W48
    ['V300', 'L1', '24.11.2026', '6'], // W48
    ['V300', 'L1', '01.12.2026', '5'], // W49
  ]);

  // WMS: UTF-8, CRLF line ends.
  writeFileSync(
    join(folders.WMS, 'bestand.csv'),
    csv(
      [
        ['Artikel', 'Lagerort', 'Bestand', 'Reserviert', 'Gesperrt', 'Stichtag'],
        ['P100', 'W1', '120', '20', '10', '06.12.2026'],
        ['P100', 'L1', '60', '0', '0', '06.12.2026'],
        ['P200', 'L2', '40', '5', '0', '06.12.2026'],
        ['P200', 'W1', '100', '0', '0', '06.12.2026'],
        ['V300', 'L1', '10', '0', '0', '06.12.2026'],
      ],
      '\r\n',
    ),
  );

  // CRM: UTF-8 with a byte order mark (as Excel saves it); X999 is unknown to the ERP master.
  const horizon = ['07.12.2026', '14.12.2026', '21.12.2026', '28.12.2026', '04.01.2027', '11.01.2027'];
  const current = say('version', 'AKTUELL');
  const weekly = (sku: string, site: string, qty: string) => horizon.map((d) => [sku, site, d, current, qty]);
  writeFileSync(
    join(folders.CRM, 'prognose.csv'),
    '\ufeff' +
      csv([
        ['Artikel', 'Standort', 'Wochenbeginn', 'Version', 'Menge'],
        ['P100', 'W1', '31.08.2026', current, '40'], // W36
        ['P100', 'W1', '16.11.2026', current, '40'], // W47
        ['P100', 'W1', '23.11.2026', current, '40'], // W48
        ['P100', 'W1', '30.11.2026', current, '40'], // W49
        ['P100', 'L1', '16.11.2026', current, '10'], // W47
        ['P100', 'L1', '23.11.2026', current, '10'], // W48
        ['P100', 'L1', '23.11.2026', say('version', 'VORHER'), '99'], // W48, prior version
        ['P200', 'L2', '30.11.2026', current, '8'], // W49
        ['V300', 'L1', '23.11.2026', current, '5'], // W48
        ['V300', 'L1', '30.11.2026', current, '5'], // W49
        ['X999', 'L1', '23.11.2026', current, '1.000'], // W48
        ['X999', 'L1', '30.11.2026', current, '1.000'], // W49
        ...weekly('P100', 'W1', '40'),
        ...weekly('P100', 'L1', '10'),
        ...weekly('P200', 'L2', '8'),
        ...weekly('P200', 'W1', '5'),
        ...weekly('V300', 'L1', '5'),
        ...weekly('X999', 'L1', '1.000'),
      ]),
  );

  const german = { decimal: ',', thousands: '.', dateFormats: ['dd.MM.yyyy'] } as const;
  const profiles: Record<'ERP' | 'WMS' | 'CRM', SourceProfile> = {
    ERP: {
      source: 'ERP',
      csv: { delimiter: ';', encoding: 'windows-1252' },
      format: { ...german, dateFormats: [...german.dateFormats] },
      files: [
        {
          file: 'artikel*.csv',
          table: 'items',
          columns: {
            sku: 'Artikelnr',
            description: 'Bezeichnung',
            family: 'Warengruppe',
            unit_cost: 'Standardpreis',
            unit_price: 'Listenpreis',
            abc_class: 'ABC',
            is_key: 'Schlüsselartikel',
            base_unit: 'ME',
          },
        },
        {
          file: 'werke*.csv',
          table: 'locations',
          columns: { location: 'Werk', name: 'Name', type: 'Werkstyp', region: 'Region' },
          ...values('type'),
        },
        { file: 'kunden*.csv', table: 'customers', columns: { customer: 'Kunde', name: 'Name', region: 'Region' } },
        {
          file: 'dispo*.csv',
          table: 'item_locations',
          columns: {
            sku: 'Artikelnr',
            location: 'Werk',
            safety_stock: 'Sicherheitsbestand',
            lead_time_days: 'WBZ Tage',
            min_order_qty: 'Mindestlosgröße',
          },
        },
        {
          file: 'arbeitsplaetze*.csv',
          table: 'resources',
          columns: { resource: 'Arbeitsplatz', location: 'Werk', capacity_hours: 'Kapazität Std' },
          derived: { period: { weekOf: 'Wochenbeginn' } },
        },
        {
          file: 'arbeitsplaene*.csv',
          table: 'routings',
          columns: { sku: 'Artikelnr', resource: 'Arbeitsplatz', hours_per_unit: 'Std je Stück' },
        },
        {
          file: 'zugaenge*.csv',
          table: 'supply',
          columns: { sku: 'Artikelnr', location: 'Werk', kind: 'Art', qty: 'Menge' },
          derived: { period: { weekOf: 'Termin' } },
          ...values('kind'),
        },
        {
          file: 'rueckmeldungen*.csv',
          table: 'production_actuals',
          columns: { resource: 'Arbeitsplatz', sku: 'Artikelnr', qty: 'Gutmenge' },
          derived: { period: { weekOf: 'Buchungsdatum' } },
        },
        {
          file: 'auftraege*.csv',
          table: 'sales_orders',
          columns: {
            order_id: 'Auftrag',
            line: 'Position',
            customer: 'Kunde',
            sku: 'Artikelnr',
            location: 'Werk',
            qty: 'Menge',
            requested_date: 'Wunschtermin',
            committed_date: 'Bestätigter Termin',
            unit_price: 'Nettopreis',
            status: 'Status',
          },
          ...values('status'),
        },
        {
          file: 'absatz*.csv',
          table: 'actual_sales',
          columns: { sku: 'Artikelnr', location: 'Werk', qty: 'Menge' },
          derived: { period: { weekOf: 'Fakturadatum' } },
        },
      ],
    },
    WMS: {
      source: 'WMS',
      csv: { delimiter: ';', encoding: 'utf-8' },
      format: { ...german, dateFormats: [...german.dateFormats] },
      files: [
        {
          file: 'bestand*.csv',
          table: 'stock',
          columns: {
            sku: 'Artikel',
            location: 'Lagerort',
            on_hand: 'Bestand',
            allocated: 'Reserviert',
            blocked: 'Gesperrt',
            as_of: 'Stichtag',
          },
        },
      ],
    },
    CRM: {
      source: 'CRM',
      csv: { delimiter: ';', encoding: 'auto' },
      format: { ...german, dateFormats: [...german.dateFormats] },
      files: [
        {
          file: 'prognose*.csv',
          table: 'forecasts',
          columns: { sku: 'Artikel', location: 'Standort', version: 'Version', qty: 'Menge' },
          derived: { period: { weekOf: 'Wochenbeginn' } },
          ...values('version'),
        },
      ],
    },
  };
  const profileFiles = { ERP: join(dir, 'erp.json'), WMS: join(dir, 'wms.json'), CRM: join(dir, 'crm.json') };
  for (const s of ['ERP', 'WMS', 'CRM'] as const) writeFileSync(profileFiles[s], JSON.stringify(profiles[s], null, 2));
  return { folders, profiles: profileFiles };
}
