import type { MessageShape } from '../../../app/i18n/messages/zh-CN.core.ts';
import type { ImportsMessages } from './zh-CN.ts';

/** Typed against zh-CN: tsc fails when a key is missing here. */
const importsEnUS: MessageShape<ImportsMessages> = {
  title: 'Import customers',
  intro:
    'Upload a CSV or Excel (.xlsx) file, check the column mapping, preview, then import in the background. Every row goes through the same intake as a webhook: importing a file twice writes nothing twice.',
  steps: { upload: 'Upload', mapping: 'Column mapping', preview: 'Preview', run: 'Import' },
  upload: {
    channel: 'Import channel',
    channelPlaceholder: 'Choose an import channel',
    noChannels: 'There is no import channel yet. Create a channel of kind "import" in the integration center first.',
    file: 'File',
    choose: 'Choose a file',
    hint: 'The first row names the columns; CSV in UTF-8 or GB18030, or the first worksheet of an .xlsx file.',
    submit: 'Upload',
    uploading: 'Uploading…',
    uploaded: '{file}: {rows} rows, {columns} columns',
  },
  mapping: {
    intro:
      'Each rule writes one column of the file into one customer field. Types are checked on save: a mapping that would lose information is refused.',
    column: 'File column',
    target: 'Customer field',
    transforms: 'Transforms',
    none: '(not read)',
    save: 'Save mapping',
    saved: 'Mapping saved',
    warnings: 'Note',
  },
  preview: {
    run: 'Preview the first {count} rows',
    running: 'Previewing…',
    nothingWritten: 'A preview writes nothing.',
    row: 'Row',
    status: 'Result',
    changes: 'Changes',
    errors: 'Errors',
    summary: '{created} created, {updated} updated, {unchanged} unchanged, {review} to review, {error} errors',
    problems: "The channel's service identity lacks:",
  },
  status: {
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Unchanged',
    review: 'Review',
    error: 'Error',
    uploaded: 'Uploaded',
    queued: 'Queued',
    running: 'Running',
    finished: 'Finished',
    failed: 'Failed',
  },
  run: {
    start: 'Start import',
    restart: 'Import again',
    starting: 'Starting…',
    progress: 'Import progress',
    rows: '{processed} / {total} rows',
    rate: '{rate} rows/s',
    errorsSoFar: '{count} rows failed',
    counts:
      '{created} created, {updated} updated, {unchanged} unchanged, {review} to review, {dead} failed, {repeated} imported before',
    finished: 'Import finished',
    failed: 'Import failed: {message}',
    report: 'Download the error report (CSV)',
    reportName: 'import-errors.csv',
    deadLetters: 'Failed rows are also in the dead-letter list: fix the mapping, then retry them.',
  },
};

export default importsEnUS;
