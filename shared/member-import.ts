// Contracts of the member import from the office's spreadsheet (.xlsx / .csv): the preview the
// server answers (every row with its values and errors) and the confirm request that saves them.
import { z } from './zod';

/** The fields a spreadsheet column can fill (`contact` is one column holding phone or e-mail). */
export const ImportField = z.enum([
  'fullName',
  'dateOfBirth',
  'delegateGroup',
  'committees',
  'unit',
  'phone',
  'email',
  'contact',
]);
export type ImportField = z.infer<typeof ImportField>;

/** Why a row cannot be saved as it is. */
export const ImportErrorCode = z.enum([
  'missing_name',
  'name_too_long',
  'duplicate_in_file',
  'duplicate_existing',
  'unknown_committee',
  'unknown_group',
  'bad_date',
  'bad_phone',
  'bad_email',
]);
export type ImportErrorCode = z.infer<typeof ImportErrorCode>;

const Text = (max: number) => z.string().trim().min(1).max(max).nullable();
/** A calendar date `yyyy-mm-dd`. */
export const IsoDate = z.iso.date();

/** One member as read from a row (already cleaned: NFC, trimmed, dates as ISO). */
export const ImportValues = z.object({
  fullName: z.string().max(200),
  dateOfBirth: IsoDate.nullable(),
  delegateGroup: Text(200),
  /** Committee (ban) names as written in the file; matched to bodies of the council. */
  committees: z.array(z.string().trim().min(1).max(200)).max(20),
  unit: Text(300),
  phone: Text(30),
  email: Text(200),
});
export type ImportValues = z.infer<typeof ImportValues>;

export const ImportError = z.object({
  code: ImportErrorCode,
  field: ImportField,
  message: z.object({ vi: z.string(), en: z.string() }),
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportRow = z.object({
  /** The row's number in the spreadsheet (Excel's row number; the CSV line it starts on). */
  line: z.number().int().min(1),
  values: ImportValues,
  /** The committees' body ids, in the order of `values.committees` (only the known ones). */
  bodyIds: z.array(z.string()),
  errors: z.array(ImportError),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportPreview = z.object({
  /** Recognised columns: which header (as written) fills which field. */
  columns: z.array(z.object({ field: ImportField, header: z.string(), column: z.number().int() })),
  /** Headers of columns that were not recognised and are left out. */
  ignoredColumns: z.array(z.string()),
  /** Problems with the file as a whole (no header row, no name column, unreadable file). */
  fileErrors: z.array(z.object({ vi: z.string(), en: z.string() })),
  rows: z.array(ImportRow),
  summary: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    withErrors: z.number().int(),
  }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** Saves the previewed rows: all of them in one transaction, none if any row has an error. */
export const ConfirmImport = z.object({
  rows: z
    .array(z.object({ line: z.number().int().min(1), values: ImportValues }))
    .min(1)
    .max(2000),
});
export type ConfirmImport = z.infer<typeof ConfirmImport>;

export const ImportResult = z.object({
  created: z.number().int(),
  memberIds: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Query of a voter meeting's hall poster: paper size and, optionally, the place printed on it. */
export const PosterQuery = z.object({
  size: z.enum(['a4', 'a3']).default('a4'),
  place: z.string().trim().max(200).optional(),
});
export type PosterQuery = z.infer<typeof PosterQuery>;
