// A mapping profile turns one source system's export files into canonical rows: which file (or
// workbook sheet) feeds which canonical table, and which source header holds each column.
import type { CanonicalTableName, SourceSystem } from './canonical';

export interface FileMapping {
  /** File name inside the source folder. */
  file: string;
  /** Worksheet name, for .xlsx files. */
  sheet?: string;
  table: CanonicalTableName;
  /** canonical column -> header as the source system writes it */
  columns: Record<string, string>;
}

export interface SourceProfile {
  source: SourceSystem;
  /** What the source folder's manifest.json (if any) says, else the newest file time, is the extraction time. */
  files: FileMapping[];
}
