// Suggests which export header feeds a canonical column, for the onboarding flow on the Data
// page: a company's ERP writes "Material", "Plant" or "Menge" where the canonical model says
// sku, location and qty. Headers are compared as words (split at case changes, spaces and
// punctuation), against the column's name and the common names source systems use for it.

/** Other names source systems use for a canonical column's words (English and German ERP terms). */
const SYNONYMS: Record<string, readonly string[]> = {
  sku: ['material', 'item', 'article', 'artikel', 'product', 'part', 'matnr', 'itemno', 'productcode'],
  location: ['plant', 'site', 'warehouse', 'werk', 'dc', 'branch', 'store', 'shop', 'loc', 'lager'],
  qty: ['quantity', 'menge', 'units', 'amount', 'volume', 'pieces', 'pcs'],
  period: ['week', 'wk', 'calweek', 'kw', 'isoweek'],
  customer: ['client', 'account', 'kunde', 'soldto', 'buyer'],
  family: ['group', 'category', 'productgroup', 'warengruppe', 'line'],
  description: ['desc', 'text', 'bezeichnung', 'name'],
  unit: ['uom', 'measure', 'einheit'],
  cost: ['costs', 'kosten', 'standardcost'],
  price: ['preis', 'salesprice', 'listprice'],
  id: ['no', 'nr', 'number', 'num', 'code', 'key', 'ref'],
  order: ['so', 'salesorder', 'auftrag', 'document', 'doc'],
  line: ['item', 'position', 'pos', 'lineno'],
  date: ['dt', 'datum', 'day'],
  committed: ['promised', 'confirmed', 'commit'],
  requested: ['wish', 'desired', 'requested', 'want'],
  resource: ['workcenter', 'wc', 'machine', 'arbeitsplatz', 'line'],
  capacity: ['cap', 'available', 'kapazitaet'],
  hours: ['hrs', 'hour', 'h', 'stunden'],
  lane: ['route', 'relation', 'corridor'],
  carrier: ['forwarder', 'haulier', 'spediteur', 'scac'],
  eta: ['arrival', 'eda', 'expectedarrival'],
  status: ['state', 'stat'],
  hand: ['stock', 'onhand', 'bestand', 'available'],
  allocated: ['reserved', 'reserviert', 'alloc', 'committed', 'assigned'],
  blocked: ['gesperrt', 'locked', 'quarantine', 'hold', 'qc', 'damaged'],
  as: ['stand', 'snapshot', 'stichtag', 'date'],
  region: ['area', 'zone', 'territory', 'market'],
  type: ['kind', 'category', 'typ'],
  version: ['scenario', 'plan', 'forecastversion'],
  probability: ['prob', 'chance', 'likelihood', 'pct'],
  abc: ['abcclass', 'abcindicator', 'class'],
};

/** A header or column name as lower-case words: "OrderQty" and "order_qty" give [order, qty]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9äöüß]+/)
    .filter(Boolean);
}

/** Character bigram similarity (Dice) of two strings, 0..1. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

/** How well one header word stands for one column word: the same, a known synonym, or alike. */
function wordScore(columnWord: string, headerWord: string): number {
  if (columnWord === headerWord) return 1;
  if (SYNONYMS[columnWord]?.includes(headerWord)) return 0.9;
  return dice(columnWord, headerWord) * 0.8;
}

/** 0..1: how well a header matches a canonical column name. */
export function headerScore(column: string, header: string): number {
  const cw = words(column);
  const hw = words(header);
  if (cw.length === 0 || hw.length === 0) return 0;
  const joined = hw.join('');
  // Every column word should find a header word (or the whole header as one word).
  let sum = 0;
  for (const c of cw) sum += Math.max(wordScore(c, joined), ...hw.map((h) => wordScore(c, h)));
  const coverage = sum / cw.length;
  // Header words that stand for nothing in the column lower the score: a little, or more when
  // the word names another column ("Order Qty" is not the order id).
  let penalty = 0;
  for (const h of hw) {
    if (cw.some((c) => wordScore(c, h) >= 0.6)) continue;
    penalty += CONCEPT_WORDS.has(h) ? 0.2 : 0.1;
  }
  return coverage * Math.max(0, 1 - Math.min(penalty, 0.5));
}

/** Words that name some canonical column's concept. */
const CONCEPT_WORDS = new Set([...Object.keys(SYNONYMS), ...Object.values(SYNONYMS).flat()]);

/** The headers most like the column, best first, above a floor; at most `max`. */
export function suggestHeaders(column: string, headers: readonly string[], max = 3): string[] {
  return headers
    .map((h) => ({ h, score: headerScore(column, h) }))
    .filter((x) => x.score >= 0.45)
    .sort((a, b) => b.score - a.score || a.h.localeCompare(b.h))
    .slice(0, max)
    .map((x) => x.h);
}
