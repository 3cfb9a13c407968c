/**
 * CSV answers (RFC 4180, header line, CRLF). The columns come from a row's valibot shape, so the header
 * exists even for an empty range. Instants become two Paris-time columns a spreadsheet reads as is:
 * `start` = `2026-03-29 03:00:00` (Paris wall clock) and `start_offset` = `+02:00` (which tells the two
 * 02:00 hours of the fall-back day apart). Arrays (EcoWatt's hourly levels) are joined with spaces.
 * A tiny escaper instead of a library: values are numbers, dates and a few short texts; any text with a
 * quote, comma or line break is quoted, quotes doubled, which is all RFC 4180 asks.
 */
import type * as v from 'valibot';
import { Instant } from './openapi/shapes.js';

export interface CsvFormat {
  header: string;
  row(json: Record<string, unknown>): string;
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return quote(value.join(' '));
  return quote(String(value));
}

function unwrap(schema: v.GenericSchema): v.GenericSchema {
  return 'wrapped' in schema ? unwrap(schema.wrapped as v.GenericSchema) : schema;
}

/** The CSV layout of rows of `shape` (a strict object of scalars, instants and arrays). */
export function csvFormat(shape: v.StrictObjectSchema<v.ObjectEntries, undefined>): CsvFormat {
  const keys = Object.keys(shape.entries);
  const instant = new Set(keys.filter((k) => unwrap(shape.entries[k] as v.GenericSchema) === Instant));
  const header = keys.flatMap((k) => (instant.has(k) ? [k, `${k}_offset`] : [k])).join(',');
  return {
    header: `${header}\r\n`,
    row(json) {
      const cells = keys.flatMap((k) => {
        const value = json[k];
        if (!instant.has(k) || typeof value !== 'string') return [cell(value)];
        return [value.slice(0, 19).replace('T', ' '), value.slice(19)];
      });
      return `${cells.join(',')}\r\n`;
    },
  };
}

/** True when the request asks for CSV: `?format=csv`, or an `Accept` naming text/csv (and no format=json). */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/i.test(accept ?? '');
}
